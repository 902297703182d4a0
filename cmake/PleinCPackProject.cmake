# Read by cpack before it makes each package (CPACK_PROJECT_CONFIG_FILE). Without a summary of
# its own, CPackDeb would put the project's one line above both packages' descriptions, whose
# first lines are their summaries.
unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
