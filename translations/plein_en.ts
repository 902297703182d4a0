<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>Plein, the town square of your organisation</source>
        <translation>Plein, the town square of your organisation</translation>
    </message>
    <message>
        <source>Username.</source>
        <translation>Username.</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input and log in without the dialog (needs --server and --user).</source>
        <translation>Read the password from the first line of standard input and log in without the dialog (needs --server and --user).</translation>
    </message>
    <message>
        <source>With --password-stdin: keep the session in the system keyring.</source>
        <translation>With --password-stdin: keep the session in the system keyring.</translation>
    </message>
    <message>
        <source>Interface language: nl, en, or system (the choice is remembered).</source>
        <translation>Interface language: nl, en, or system (the choice is remembered).</translation>
    </message>
    <message>
        <source>--lang takes nl, en or system.</source>
        <translation>--lang takes nl, en or system.</translation>
    </message>
    <message>
        <source>--password-stdin needs --server and --user.</source>
        <translation>--password-stdin needs --server and --user.</translation>
    </message>
    <message>
        <source>A plein: link to open, such as plein:/group/12.</source>
        <translation>A plein: link to open, such as plein:/group/12.</translation>
    </message>
    <message>
        <source>Server address, such as plein.example.org.</source>
        <translation>Server address, such as plein.example.org.</translation>
    </message>
    <message>
        <source>Folder for the offline caches and the settings instead of the default.</source>
        <translation>Folder for the offline caches and the settings instead of the default.</translation>
    </message>
    <message>
        <source>Appearance: light, dark, or system (the choice is remembered).</source>
        <translation>Appearance: light, dark, or system (the choice is remembered).</translation>
    </message>
    <message>
        <source>--theme takes light, dark or system.</source>
        <translation>--theme takes light, dark or system.</translation>
    </message>
    <message>
        <source>Start in the tray (minimised where there is no tray).</source>
        <translation>Start in the tray (minimised where there is no tray).</translation>
    </message>
</context>
<context>
    <name>plein::app::Account</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>plein::app::ArticleCard</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n more</source>
        <translation>
            <numerusform>%1, %2 and %n more</numerusform>
            <numerusform>%1, %2 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>%n min read</numerusform>
            <numerusform>%n min read</numerusform>
        </translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Not published: %1</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Scheduled for %1</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Changed elsewhere: choose what to keep</source>
        <translation>Changed elsewhere: choose what to keep</translation>
    </message>
    <message>
        <source>Not saved on the server: %1</source>
        <translation>Not saved on the server: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Waiting to publish</source>
        <translation>Waiting to publish</translation>
    </message>
    <message>
        <source>Changes not sent yet</source>
        <translation>Changes not sent yet</translation>
    </message>
    <message>
        <source>Saved on this computer</source>
        <translation>Saved on this computer</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Editing</translation>
    </message>
    <message numerus="yes">
        <source>%n like(s)</source>
        <translation>
            <numerusform>%n like</numerusform>
            <numerusform>%n likes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Untitled article</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::ArticleEditor</name>
    <message>
        <source>&amp;Compare and choose…</source>
        <translation>&amp;Compare and choose…</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <source>Publish &amp;now</source>
        <translation>Publish &amp;now</translation>
    </message>
    <message>
        <source>&amp;Schedule…</source>
        <translation>&amp;Schedule…</translation>
    </message>
    <message>
        <source>&amp;Cancel the schedule</source>
        <translation>&amp;Cancel the schedule</translation>
    </message>
    <message>
        <source>Give the article a title to publish it.</source>
        <translation>Give the article a title to publish it.</translation>
    </message>
    <message>
        <source>&amp;Update article</source>
        <translation>&amp;Update article</translation>
    </message>
    <message>
        <source>Send your changes: a new revision readers see</source>
        <translation>Send your changes: a new revision readers see</translation>
    </message>
    <message>
        <source>Discard the changes made here</source>
        <translation>Discard the changes made here</translation>
    </message>
    <message>
        <source>Discard the changes on this computer? What the server has stays.</source>
        <translation>Discard the changes on this computer? What the server has stays.</translation>
    </message>
    <message>
        <source>Discard this article? It was never saved on the server.</source>
        <translation>Discard this article? It was never saved on the server.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>A summary for the card in the feed (optional)</source>
        <translation>A summary for the card in the feed (optional)</translation>
    </message>
    <message>
        <source>#topics, separated by spaces</source>
        <translation>#topics, separated by spaces</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Show the preview in place of the source (Ctrl+Shift+P)</source>
        <translation>Show the preview in place of the source (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Write in Markdown: # heading, **bold**, _italic_, - list, &gt; quote, ```code```</source>
        <translation>Write in Markdown: # heading, **bold**, _italic_, - list, &gt; quote, ```code```</translation>
    </message>
    <message>
        <source>Blog of %1</source>
        <translation>Blog of %1</translation>
    </message>
    <message>
        <source>Group blog</source>
        <translation>Group blog</translation>
    </message>
    <message>
        <source>Company blog</source>
        <translation>Company blog</translation>
    </message>
    <message>
        <source>Preview only</source>
        <translation>Preview only</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n character left</numerusform>
            <numerusform>%n characters left</numerusform>
        </translation>
    </message>
    <message>
        <source>This working copy is gone (published or discarded).</source>
        <translation>This working copy is gone (published or discarded).</translation>
    </message>
    <message>
        <source>Saved as a draft</source>
        <translation>Saved as a draft</translation>
    </message>
    <message>
        <source>Offline: saved on this computer</source>
        <translation>Offline: saved on this computer</translation>
    </message>
    <message>
        <source>Offline: publishes when you are online again</source>
        <translation>Offline: publishes when you are online again</translation>
    </message>
    <message>
        <source>Saved on this computer; give it a title to save it as a draft</source>
        <translation>Saved on this computer; give it a title to save it as a draft</translation>
    </message>
    <message>
        <source>Schedule publishing</source>
        <translation>Schedule publishing</translation>
    </message>
    <message>
        <source>Publish at (the server publishes it, also while you are offline):</source>
        <translation>Publish at (the server publishes it, also while you are offline):</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>bold text</source>
        <translation>bold text</translation>
    </message>
    <message>
        <source>italic text</source>
        <translation>italic text</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>link text</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Only the article&apos;s owner chooses its co-authors</source>
        <translation>Only the article&apos;s owner chooses its co-authors</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Not found: %1</translation>
    </message>
    <message numerus="yes">
        <source>At most %n co-author(s)</source>
        <translation>
            <numerusform>At most %n co-author</numerusform>
            <numerusform>At most %n co-authors</numerusform>
        </translation>
    </message>
    <message>
        <source>who may edit it too: @name @name</source>
        <translation>who may edit it too: @name @name</translation>
    </message>
    <message>
        <source>Co-authors:</source>
        <translation>Co-authors:</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Choose a cover image</source>
        <translation>Choose a cover image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Cover:</source>
        <translation>Cover:</translation>
    </message>
    <message>
        <source>Not used as the cover: %1</source>
        <translation>Not used as the cover: %1</translation>
    </message>
    <message>
        <source>A cover can be chosen once the draft is saved on the server (it needs a title)</source>
        <translation>A cover can be chosen once the draft is saved on the server (it needs a title)</translation>
    </message>
    <message>
        <source>once saved as a draft</source>
        <translation>once saved as a draft</translation>
    </message>
    <message>
        <source>Taking the cover off…</source>
        <translation>Taking the cover off…</translation>
    </message>
    <message>
        <source>The cover comes off when you are online again</source>
        <translation>The cover comes off when you are online again</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>%1: sent when you are online again</source>
        <translation>%1: sent when you are online again</translation>
    </message>
    <message>
        <source>Sending %1… %2%</source>
        <translation>Sending %1… %2%</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>plein::app::ArticlePage</name>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>Cancel reply</translation>
    </message>
    <message>
        <source>Write a comment… (@name mentions someone)</source>
        <translation>Write a comment… (@name mentions someone)</translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation>C&amp;omment</translation>
    </message>
    <message>
        <source>This article does not exist (any more), or it is not yours to read.</source>
        <translation>This article does not exist (any more), or it is not yours to read.</translation>
    </message>
    <message>
        <source>Loading the article…</source>
        <translation>Loading the article…</translation>
    </message>
    <message>
        <source>edited %1</source>
        <translation>edited %1</translation>
    </message>
    <message>
        <source>Loading the text…</source>
        <translation>Loading the text…</translation>
    </message>
    <message>
        <source>The text is read when you are online again.</source>
        <translation>The text is read when you are online again.</translation>
    </message>
    <message>
        <source>Like (%1)</source>
        <translation>Like (%1)</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Like</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Replying to %1</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>not sent: %1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>sending…</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>This comment was deleted.</source>
        <translation>This comment was deleted.</translation>
    </message>
    <message>
        <source>Take your like back</source>
        <translation>Take your like back</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Comments (%1)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Delete article</source>
        <translation>Delete article</translation>
    </message>
    <message>
        <source>Delete “%1” with its revisions and comments? This cannot be undone.</source>
        <translation>Delete “%1” with its revisions and comments? This cannot be undone.</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>Every revision: who changed what, and restoring an old one</source>
        <translation>Every revision: who changed what, and restoring an old one</translation>
    </message>
    <message>
        <source>More by %1</source>
        <translation>More by %1</translation>
    </message>
    <message>
        <source>A newer version of this article is being read…</source>
        <translation>A newer version of this article is being read…</translation>
    </message>
    <message>
        <source>This is an older version of the article; the newest is read when you are online again.</source>
        <translation>This is an older version of the article; the newest is read when you are online again.</translation>
    </message>
    <message>
        <source>Editing your comment</source>
        <translation>Editing your comment</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Cancel edit</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>plein::app::AttachmentChip</name>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>plein::app::AttachmentTray</name>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>“%1” is a folder: attach the files in it instead.</source>
        <translation>“%1” is a folder: attach the files in it instead.</translation>
    </message>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>“%1” cannot be read.</translation>
    </message>
    <message>
        <source>“%1” is empty.</source>
        <translation>“%1” is empty.</translation>
    </message>
    <message>
        <source>“%1” is too large (%2): files may be at most %3.</source>
        <translation>“%1” is too large (%2): files may be at most %3.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n files can go with one post or message.</source>
        <translation>
            <numerusform>At most %n file can go with one post or message.</numerusform>
            <numerusform>At most %n files can go with one post or message.</numerusform>
        </translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>The pasted image could not be saved.</translation>
    </message>
    <message>
        <source>Pasted image %1</source>
        <translation>Pasted image %1</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+U)</source>
        <translation>Attach files (Ctrl+U)</translation>
    </message>
</context>
<context>
    <name>plein::app::BlogPage</name>
    <message>
        <source>Blog of %1</source>
        <translation>Blog of %1</translation>
    </message>
    <message>
        <source>Group blog</source>
        <translation>Group blog</translation>
    </message>
    <message>
        <source>Blogs</source>
        <translation>Blogs</translation>
    </message>
    <message>
        <source>&amp;Write an article</source>
        <translation>&amp;Write an article</translation>
    </message>
    <message>
        <source>Company blog</source>
        <translation>Company blog</translation>
    </message>
    <message>
        <source>All blogs</source>
        <translation>All blogs</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>My drafts</translation>
    </message>
    <message>
        <source>No drafts
What you write is saved here as you type, also offline.</source>
        <translation>No drafts
What you write is saved here as you type, also offline.</translation>
    </message>
    <message>
        <source>No articles yet
Write the first one: long-form posts with a table of contents, comments and revisions.</source>
        <translation>No articles yet
Write the first one: long-form posts with a table of contents, comments and revisions.</translation>
    </message>
    <message>
        <source>Articles by %1</source>
        <translation>Articles by %1</translation>
    </message>
    <message>
        <source>No articles you can read yet</source>
        <translation>No articles you can read yet</translation>
    </message>
</context>
<context>
    <name>plein::app::BlogStrip</name>
    <message>
        <source>New in the group&apos;s blog</source>
        <translation>New in the group&apos;s blog</translation>
    </message>
    <message>
        <source>New in the blogs</source>
        <translation>New in the blogs</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>All articles</translation>
    </message>
    <message>
        <source>All blogs</source>
        <translation>All blogs</translation>
    </message>
    <message>
        <source>Hide these articles; a new one shows here again</source>
        <translation>Hide these articles; a new one shows here again</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>plein::app::BlogsCapability</name>
    <message>
        <source>Blogs</source>
        <translation>Blogs</translation>
    </message>
    <message>
        <source>New &amp;article</source>
        <translation>New &amp;article</translation>
    </message>
    <message>
        <source>%1 mentioned you in a comment on “%2”</source>
        <translation>%1 mentioned you in a comment on “%2”</translation>
    </message>
    <message>
        <source>%1 commented on “%2”</source>
        <translation>%1 commented on “%2”</translation>
    </message>
    <message>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <source>this colleague</source>
        <translation>this colleague</translation>
    </message>
    <message>
        <source>Only the authors of “%1” edit it.</source>
        <translation>Only the authors of “%1” edit it.</translation>
    </message>
</context>
<context>
    <name>plein::app::CharacterCounter</name>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n character too many</numerusform>
            <numerusform>%n characters too many</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n character left</numerusform>
            <numerusform>%n characters left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::ChatCapability</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>New conversation…</source>
        <translation>New conversation…</translation>
    </message>
    <message>
        <source>New &amp;conversation…</source>
        <translation>New &amp;conversation…</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>Send &amp;typing indicators</source>
        <translation>Send &amp;typing indicators</translation>
    </message>
    <message>
        <source>Others see “typing…” while you write to them</source>
        <translation>Others see “typing…” while you write to them</translation>
    </message>
    <message>
        <source>Share &amp;read receipts</source>
        <translation>Share &amp;read receipts</translation>
    </message>
    <message>
        <source>Others see when you read their messages, and you see when they read yours; off, neither</source>
        <translation>Others see when you read their messages, and you see when they read yours; off, neither</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Send the message</translation>
    </message>
    <message>
        <source>Start a new line in the message</source>
        <translation>Start a new line in the message</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty composer)</source>
        <translation>Edit your last message (in an empty composer)</translation>
    </message>
    <message>
        <source>Cancel the reply or the edit</source>
        <translation>Cancel the reply or the edit</translation>
    </message>
    <message>
        <source>Reply to the message</source>
        <translation>Reply to the message</translation>
    </message>
    <message>
        <source>Edit your message</source>
        <translation>Edit your message</translation>
    </message>
    <message>
        <source>Delete your message</source>
        <translation>Delete your message</translation>
    </message>
    <message>
        <source>Copy the message&apos;s text</source>
        <translation>Copy the message&apos;s text</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 mentioned you</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 mentioned you in %2</translation>
    </message>
    <message>
        <source>%1 replied to you</source>
        <translation>%1 replied to you</translation>
    </message>
    <message>
        <source>%1 replied to you in %2</source>
        <translation>%1 replied to you in %2</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n file(s): %1</source>
        <translation>
            <numerusform>Sent %n file: %1</numerusform>
            <numerusform>Sent %n files: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::ChatComposer</name>
    <message>
        <source>Write a message…</source>
        <translation>Write a message…</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Enter sends · Shift+Enter for a new line · Markdown</source>
        <translation>Enter sends · Shift+Enter for a new line · Markdown</translation>
    </message>
    <message>
        <source>Cancel (Escape)</source>
        <translation>Cancel (Escape)</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Editing your message</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Replying to %1</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Replying to %1: %2</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
</context>
<context>
    <name>plein::app::ChatTexts</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 is typing…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 and %2 are typing…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Several people are typing…</translation>
    </message>
    <message>
        <source>Seen by %1</source>
        <translation>Seen by %1</translation>
    </message>
    <message>
        <source>Seen by %1 and %2</source>
        <translation>Seen by %1 and %2</translation>
    </message>
    <message>
        <source>Seen by %1, %2 and %3</source>
        <translation>Seen by %1, %2 and %3</translation>
    </message>
    <message numerus="yes">
        <source>Seen by %1, %2 and %n other(s)</source>
        <translation>
            <numerusform>Seen by %1, %2 and %n other</numerusform>
            <numerusform>Seen by %1, %2 and %n others</numerusform>
        </translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direct message</translation>
    </message>
    <message numerus="yes">
        <source>Chat of the group · %n member(s)</source>
        <translation>
            <numerusform>Chat of the group · %n member</numerusform>
            <numerusform>Chat of the group · %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>You: %1</translation>
    </message>
    <message>
        <source>Thumbs up</source>
        <translation>Thumbs up</translation>
    </message>
    <message>
        <source>Heart</source>
        <translation>Heart</translation>
    </message>
    <message>
        <source>Laughing</source>
        <translation>Laughing</translation>
    </message>
    <message>
        <source>Celebrate</source>
        <translation>Celebrate</translation>
    </message>
    <message>
        <source>Surprised</source>
        <translation>Surprised</translation>
    </message>
    <message>
        <source>Sad</source>
        <translation>Sad</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>Looking</source>
        <translation>Looking</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Away</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Do not disturb</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>plein::app::CodeBlock</name>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>plein::app::Composer</name>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Write a post… (Ctrl+Enter sends)</source>
        <translation>Write a post… (Ctrl+Enter sends)</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Send (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>plein::app::ConflictDialog</name>
    <message>
        <source>Choose what to keep</source>
        <translation>Choose what to keep</translation>
    </message>
    <message>
        <source>While you were writing, a newer version was saved (revision %1, %2). The changes that do not overlap are merged below. Where you both changed the same part, choose what to keep. Nothing is sent until you use the text.</source>
        <translation>While you were writing, a newer version was saved (revision %1, %2). The changes that do not overlap are merged below. Where you both changed the same part, choose what to keep. Nothing is sent until you use the text.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>%1, part %2 of %3</source>
        <translation>%1, part %2 of %3</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Theirs (on the server)</source>
        <translation>Theirs (on the server)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Yours</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <source>Keep yours</source>
        <translation>Keep yours</translation>
    </message>
    <message>
        <source>You changed different parts: everything is merged.</source>
        <translation>You changed different parts: everything is merged.</translation>
    </message>
    <message>
        <source>The text to use (you can still change it)</source>
        <translation>The text to use (you can still change it)</translation>
    </message>
    <message>
        <source>Summary (optional)</source>
        <translation>Summary (optional)</translation>
    </message>
    <message>
        <source>&amp;Use this text</source>
        <translation>&amp;Use this text</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Decide &amp;later</translation>
    </message>
</context>
<context>
    <name>plein::app::ConnectionStatus</name>
    <message>
        <source>Online, catching up…</source>
        <translation>Online, catching up…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message numerus="yes">
        <source>Offline, retrying in %n s</source>
        <translation>
            <numerusform>Offline, retrying in %n s</numerusform>
            <numerusform>Offline, retrying in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source> · %n write(s) waiting</source>
        <translation>
            <numerusform> · %n write waiting</numerusform>
            <numerusform> · %n writes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>Reconnect now</translation>
    </message>
    <message numerus="yes">
        <source> · %n refused</source>
        <translation>
            <numerusform> · %n refused</numerusform>
            <numerusform>· %n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::ConversationDetails</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Only the creator adds or removes members</source>
        <translation>Only the creator adds or removes members</translation>
    </message>
    <message>
        <source>Mute (mentions still notify)</source>
        <translation>Mute (mentions still notify)</translation>
    </message>
    <message>
        <source>Add people…</source>
        <translation>Add people…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Leave conversation</source>
        <translation>Leave conversation</translation>
    </message>
    <message>
        <source>Open the group</source>
        <translation>Open the group</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Close (Escape)</translation>
    </message>
    <message>
        <source>A name for the conversation</source>
        <translation>A name for the conversation</translation>
    </message>
    <message>
        <source>This conversation is not known here.</source>
        <translation>This conversation is not known here.</translation>
    </message>
    <message>
        <source>A conversation between the two of you.</source>
        <translation>A conversation between the two of you.</translation>
    </message>
    <message>
        <source>A conversation of named people.</source>
        <translation>A conversation of named people.</translation>
    </message>
    <message>
        <source>The chat of the group %1: its members are the group&apos;s members, and change with them.</source>
        <translation>The chat of the group %1: its members are the group&apos;s members, and change with them.</translation>
    </message>
    <message>
        <source>Only the creator changes this.</source>
        <translation>Only the creator changes this.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (you)</translation>
    </message>
    <message>
        <source>Only the person who started this conversation adds or removes members.</source>
        <translation>Only the person who started this conversation adds or removes members.</translation>
    </message>
    <message>
        <source>Add people to %1</source>
        <translation>Add people to %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Leave the conversation?</source>
        <translation>Leave the conversation?</translation>
    </message>
    <message>
        <source>You no longer receive its messages, and can come back only if a member adds you again.</source>
        <translation>You no longer receive its messages, and can come back only if a member adds you again.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
</context>
<context>
    <name>plein::app::ConversationListPage</name>
    <message>
        <source>New conversation…</source>
        <translation>New conversation…</translation>
    </message>
    <message>
        <source>Find a conversation</source>
        <translation>Find a conversation</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>No conversations yet</translation>
    </message>
    <message>
        <source>Write to a colleague, or to several at once. Every group has a chat too: open it from the group&apos;s page.</source>
        <translation>Write to a colleague, or to several at once. Every group has a chat too: open it from the group&apos;s page.</translation>
    </message>
    <message>
        <source>Start a conversation</source>
        <translation>Start a conversation</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>No conversation matches “%1”.</translation>
    </message>
</context>
<context>
    <name>plein::app::ConversationPage</name>
    <message>
        <source>Jump to first unread</source>
        <translation>Jump to first unread</translation>
    </message>
    <message>
        <source>Members and details</source>
        <translation>Members and details</translation>
    </message>
    <message>
        <source>Conversation not found</source>
        <translation>Conversation not found</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Loading the conversation…</translation>
    </message>
    <message>
        <source>It does not exist, or you are not one of its members.</source>
        <translation>It does not exist, or you are not one of its members.</translation>
    </message>
    <message>
        <source>Muted: no notifications but mentions. Click to unmute.</source>
        <translation>Muted: no notifications but mentions. Click to unmute.</translation>
    </message>
    <message>
        <source>Mute: no notifications from this conversation but mentions</source>
        <translation>Mute: no notifications from this conversation but mentions</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Unmute</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Message %1</translation>
    </message>
    <message>
        <source>Connect to read earlier messages.</source>
        <translation>Connect to read earlier messages.</translation>
    </message>
    <message>
        <source>Loading earlier messages…</source>
        <translation>Loading earlier messages…</translation>
    </message>
    <message>
        <source>Conversation not found
It does not exist, or you are not one of its members.</source>
        <translation>Conversation not found
It does not exist, or you are not one of its members.</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>Loading messages…</translation>
    </message>
    <message>
        <source>Connect to read earlier messages
Plein has not read this conversation yet. What you write now is sent once you are online.</source>
        <translation>Connect to read earlier messages
Plein has not read this conversation yet. What you write now is sent once you are online.</translation>
    </message>
    <message>
        <source>No messages yet
Say hello to %1.</source>
        <translation>No messages yet
Say hello to %1.</translation>
    </message>
    <message>
        <source>No messages yet
Write the first one below.</source>
        <translation>No messages yet
Write the first one below.</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Someone</translation>
    </message>
</context>
<context>
    <name>plein::app::CoverImage</name>
    <message>
        <source>Cover image: %1</source>
        <translation>Cover image: %1</translation>
    </message>
</context>
<context>
    <name>plein::app::CreateGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>What the group is for (optional)</source>
        <translation>What the group is for (optional)</translation>
    </message>
    <message>
        <source>Public: anyone can read and join</source>
        <translation>Public: anyone can read and join</translation>
    </message>
    <message>
        <source>Private: members read; others ask to join</source>
        <translation>Private: members read; others ask to join</translation>
    </message>
    <message>
        <source>Secret: invisible to others; by invitation only</source>
        <translation>Secret: invisible to others; by invitation only</translation>
    </message>
    <message>
        <source>New members see everything written before</source>
        <translation>New members see everything written before</translation>
    </message>
    <message>
        <source>New members see only what comes after they join</source>
        <translation>New members see only what comes after they join</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Create group</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Who can see it:</source>
        <translation>Who can see it:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>History:</translation>
    </message>
    <message numerus="yes">
        <source>The description can have at most %n character(s).</source>
        <translation>
            <numerusform>The description can have at most %n character.</numerusform>
            <numerusform>The description can have at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The group could not be stored on this computer. Try again.</source>
        <translation>The group could not be stored on this computer. Try again.</translation>
    </message>
</context>
<context>
    <name>plein::app::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message numerus="yes">
        <source>While you were in do-not-disturb: %n notification(s)</source>
        <translation>
            <numerusform>While you were in do-not-disturb: %n notification</numerusform>
            <numerusform>While you were in do-not-disturb: %n notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Write a reply…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
</context>
<context>
    <name>plein::app::DoNotDisturb</name>
    <message>
        <source>Do not disturb until you turn it off</source>
        <translation>Do not disturb until you turn it off</translation>
    </message>
    <message>
        <source>Do not disturb until %1</source>
        <translation>Do not disturb until %1</translation>
    </message>
    <message>
        <source>Do not disturb until tomorrow %1</source>
        <translation>Do not disturb until tomorrow %1</translation>
    </message>
    <message>
        <source>Do not disturb until %1 %2</source>
        <translation>Do not disturb until %1 %2</translation>
    </message>
</context>
<context>
    <name>plein::app::DoNotDisturbMenu</name>
    <message>
        <source>Do not disturb</source>
        <translation>Do not disturb</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>For 1 hour</translation>
    </message>
    <message>
        <source>Until I turn it off</source>
        <translation>Until I turn it off</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Turn off</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Schedule…</translation>
    </message>
    <message>
        <source>Pause notifications</source>
        <translation>Pause notifications</translation>
    </message>
    <message>
        <source>Until tomorrow, %1</source>
        <translation>Until tomorrow, %1</translation>
    </message>
</context>
<context>
    <name>plein::app::EditProfileDialog</name>
    <message>
        <source>Edit profile</source>
        <translation>Edit profile</translation>
    </message>
    <message>
        <source>+31 118 620 101</source>
        <translation>+31 118 620 101</translation>
    </message>
    <message>
        <source>What you do</source>
        <translation>What you do</translation>
    </message>
    <message>
        <source>Where you usually work</source>
        <translation>Where you usually work</translation>
    </message>
    <message>
        <source>A few words about yourself and your work</source>
        <translation>A few words about yourself and your work</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. dijkbeheer, GIS</source>
        <translation>Separated by commas, e.g. dijkbeheer, GIS</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. hardlopen, fotografie</source>
        <translation>Separated by commas, e.g. hardlopen, fotografie</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Job title:</source>
        <translation>Job title:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>About:</translation>
    </message>
    <message>
        <source>Expertise:</source>
        <translation>Expertise:</translation>
    </message>
    <message>
        <source>Interests:</source>
        <translation>Interests:</translation>
    </message>
    <message>
        <source>A name is needed.</source>
        <translation>A name is needed.</translation>
    </message>
    <message>
        <source>A phone number holds digits, spaces and + ( ) - . / only.</source>
        <translation>A phone number holds digits, spaces and + ( ) - . / only.</translation>
    </message>
    <message>
        <source>“About” can have at most %1 characters.</source>
        <translation>“About” can have at most %1 characters.</translation>
    </message>
    <message>
        <source>At most %1 tags each for expertise and interests.</source>
        <translation>At most %1 tags each for expertise and interests.</translation>
    </message>
    <message>
        <source>A tag has at most %1 characters and no “#”: “%2”.</source>
        <translation>A tag has at most %1 characters and no “#”: “%2”.</translation>
    </message>
    <message>
        <source>Remove the invisible characters (such as text direction marks): they are not allowed in a profile.</source>
        <translation>Remove the invisible characters (such as text direction marks): they are not allowed in a profile.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>A PNG, JPEG, GIF or WebP image; a square one shows best</source>
        <translation>A PNG, JPEG, GIF or WebP image; a square one shows best</translation>
    </message>
    <message>
        <source>Photo:</source>
        <translation>Photo:</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 cannot be read.</translation>
    </message>
    <message>
        <source>%1 is too large for a photo: at most %2.</source>
        <translation>%1 is too large for a photo: at most %2.</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG, GIF or WebP image.</source>
        <translation>%1 is not a PNG, JPEG, GIF or WebP image.</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</translation>
    </message>
    <message>
        <source>No photo: your initials show</source>
        <translation>No photo: your initials show</translation>
    </message>
    <message>
        <source>The change could not be stored on this computer (%1). Try again.</source>
        <translation>The change could not be stored on this computer (%1). Try again.</translation>
    </message>
    <message>
        <source>%1 has too many pixels for a photo (%2 × %3): at most 50 million.</source>
        <translation>%1 has too many pixels for a photo (%2 × %3): at most 50 million.</translation>
    </message>
</context>
<context>
    <name>plein::app::ErrorText</name>
    <message>
        <source>Plein and the server did not understand each other. Updating Plein may help; if not, tell your administrator.</source>
        <translation>Plein and the server did not understand each other. Updating Plein may help; if not, tell your administrator.</translation>
    </message>
    <message>
        <source>You are no longer logged in. Log in again and try once more.</source>
        <translation>You are no longer logged in. Log in again and try once more.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: it belongs to someone else, or the group&apos;s rules do not allow it.</source>
        <translation>You are not allowed to do this: it belongs to someone else, or the group&apos;s rules do not allow it.</translation>
    </message>
    <message>
        <source>This is no longer there: it was deleted, or you can no longer see it.</source>
        <translation>This is no longer there: it was deleted, or you can no longer see it.</translation>
    </message>
    <message>
        <source>This clashed with another change. Try again.</source>
        <translation>This clashed with another change. Try again.</translation>
    </message>
    <message>
        <source>This is too long. Make it shorter and try again.</source>
        <translation>This is too long. Make it shorter and try again.</translation>
    </message>
    <message>
        <source>Too many attempts in a short time. Wait a minute and try again.</source>
        <translation>Too many attempts in a short time. Wait a minute and try again.</translation>
    </message>
    <message>
        <source>The server is busy or restarting. Try again in a moment.</source>
        <translation>The server is busy or restarting. Try again in a moment.</translation>
    </message>
    <message>
        <source>Something went wrong on the server, and nothing was changed. Try again later; if it keeps happening, tell your administrator.</source>
        <translation>Something went wrong on the server, and nothing was changed. Try again later; if it keeps happening, tell your administrator.</translation>
    </message>
    <message>
        <source>The server refused this. Try again later, or ask your administrator.</source>
        <translation>The server refused this. Try again later, or ask your administrator.</translation>
    </message>
    <message>
        <source>Your files take all the space the organisation gives you. Remove the file, or ask your administrator for more.</source>
        <translation>Your files take all the space the organisation gives you. Remove the file, or ask your administrator for more.</translation>
    </message>
    <message>
        <source>A file is larger than the server accepts. Remove it, or share a smaller one.</source>
        <translation>A file is larger than the server accepts. Remove it, or share a smaller one.</translation>
    </message>
    <message>
        <source>An attached file is no longer as it was when you attached it. Attach it again.</source>
        <translation>An attached file is no longer as it was when you attached it. Attach it again.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime. Compare the two versions before you save yours.</source>
        <translation>Someone else changed this in the meantime. Compare the two versions before you save yours.</translation>
    </message>
    <message>
        <source>This no longer takes questions or votes: it has ended.</source>
        <translation>This no longer takes questions or votes: it has ended.</translation>
    </message>
</context>
<context>
    <name>plein::app::FeedCapability</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;New post</translation>
    </message>
    <message>
        <source>%1 replied to you</source>
        <translation>%1 replied to you</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 mentioned you</translation>
    </message>
    <message numerus="yes">
        <source>Shared %n file(s): %1</source>
        <translation>
            <numerusform>Shared %n file: %1</numerusform>
            <numerusform>Shared %n files: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::FeedView</name>
    <message numerus="yes">
        <source>%n new post(s) — show</source>
        <translation>
            <numerusform>%n new post — show</numerusform>
            <numerusform>%n new posts — show</numerusform>
        </translation>
    </message>
    <message>
        <source>No posts yet
Write the first one above: a question, news, a thank-you to a colleague.</source>
        <translation>No posts yet
Write the first one above: a question, news, a thank-you to a colleague.</translation>
    </message>
</context>
<context>
    <name>plein::app::FileActions</name>
    <message>
        <source>The image could not be loaded.</source>
        <translation>The image could not be loaded.</translation>
    </message>
    <message>
        <source>No program on this computer opens “%1”.</source>
        <translation>No program on this computer opens “%1”.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Saved as %1</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Open a program?</source>
        <translation>Open a program?</translation>
    </message>
    <message>
        <source>“%1” is a program or script: opening it runs it on this computer, with your rights.</source>
        <translation>“%1” is a program or script: opening it runs it on this computer, with your rights.</translation>
    </message>
    <message>
        <source>Only open it if you know who made it and expected it. Save as… keeps it without running it.</source>
        <translation>Only open it if you know who made it and expected it. Save as… keeps it without running it.</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>Open anyway</translation>
    </message>
</context>
<context>
    <name>plein::app::FileSettingsDialog</name>
    <message>
        <source>C&amp;lear cache</source>
        <translation>C&amp;lear cache</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Size of the file cache</source>
        <translation>Size of the file cache</translation>
    </message>
    <message>
        <source>Images and files you have seen in posts and chats are kept on this computer, so they show at once and offline. When they take more than this, the ones seen longest ago go first.</source>
        <translation>Images and files you have seen in posts and chats are kept on this computer, so they show at once and offline. When they take more than this, the ones seen longest ago go first.</translation>
    </message>
    <message>
        <source>Removes the files kept on this computer; they are fetched again when they are shown</source>
        <translation>Removes the files kept on this computer; they are fetched again when they are shown</translation>
    </message>
    <message>
        <source>&amp;Cache size:</source>
        <translation>&amp;Cache size:</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>In use:</translation>
    </message>
</context>
<context>
    <name>plein::app::FilesCapability</name>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>The file could not be saved: %1</translation>
    </message>
    <message>
        <source>&amp;Files…</source>
        <translation>&amp;Files…</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
</context>
<context>
    <name>plein::app::GroupDirectoryPage</name>
    <message>
        <source>New group…</source>
        <translation>New group…</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Search groups by name</source>
        <translation>Search groups by name</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>My groups</source>
        <translation>My groups</translation>
    </message>
    <message>
        <source>The directory could not be read from the server: %1</source>
        <translation>The directory could not be read from the server: %1</translation>
    </message>
    <message>
        <source>Looking for groups…</source>
        <translation>Looking for groups…</translation>
    </message>
    <message>
        <source>No groups yet. Start one with “New group…”.</source>
        <translation>No groups yet. Start one with “New group…”.</translation>
    </message>
    <message>
        <source>No group has “%1” in its name.</source>
        <translation>No group has “%1” in its name.</translation>
    </message>
</context>
<context>
    <name>plein::app::GroupPage</name>
    <message>
        <source>Write to the group… (Ctrl+Enter sends)</source>
        <translation>Write to the group… (Ctrl+Enter sends)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Group not found</source>
        <translation>Group not found</translation>
    </message>
    <message>
        <source>Loading the group…</source>
        <translation>Loading the group…</translation>
    </message>
    <message>
        <source>This group does not exist, or it is not visible to you.</source>
        <translation>This group does not exist, or it is not visible to you.</translation>
    </message>
    <message>
        <source>Waiting to be sent…</source>
        <translation>Waiting to be sent…</translation>
    </message>
    <message>
        <source>Accept invitation</source>
        <translation>Accept invitation</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Ask to join</source>
        <translation>Ask to join</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Leave group</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>Withdraw request</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Make owner</source>
        <translation>Make owner</translation>
    </message>
    <message>
        <source>Make moderator</source>
        <translation>Make moderator</translation>
    </message>
    <message>
        <source>Make member</source>
        <translation>Make member</translation>
    </message>
    <message>
        <source>Remove from the group</source>
        <translation>Remove from the group</translation>
    </message>
    <message>
        <source>You are the group&apos;s last owner: make someone else an owner before you leave.</source>
        <translation>You are the group&apos;s last owner: make someone else an owner before you leave.</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Send a message</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Open the chat of the group&apos;s members</source>
        <translation>Open the chat of the group&apos;s members</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>View profile</translation>
    </message>
</context>
<context>
    <name>plein::app::GroupTexts</name>
    <message>
        <source>Private group</source>
        <translation>Private group</translation>
    </message>
    <message>
        <source>Secret group</source>
        <translation>Secret group</translation>
    </message>
    <message>
        <source>Public group</source>
        <translation>Public group</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archived</translation>
    </message>
    <message>
        <source>you are a member</source>
        <translation>you are a member</translation>
    </message>
    <message>
        <source>you asked to join</source>
        <translation>you asked to join</translation>
    </message>
    <message>
        <source>you are invited</source>
        <translation>you are invited</translation>
    </message>
    <message>
        <source>This group is archived: it can be read, but nothing new can be written.</source>
        <translation>This group is archived: it can be read, but nothing new can be written.</translation>
    </message>
    <message>
        <source>You asked to join. An owner or moderator of the group decides.</source>
        <translation>You asked to join. An owner or moderator of the group decides.</translation>
    </message>
    <message>
        <source>You are invited to join this group.</source>
        <translation>You are invited to join this group.</translation>
    </message>
    <message>
        <source>Only members read this group. Ask to join, and an owner or moderator decides.</source>
        <translation>Only members read this group. Ask to join, and an owner or moderator decides.</translation>
    </message>
    <message>
        <source>This group is by invitation only.</source>
        <translation>This group is by invitation only.</translation>
    </message>
</context>
<context>
    <name>plein::app::GroupsCapability</name>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Browse groups</source>
        <translation>Browse groups</translation>
    </message>
    <message>
        <source>New &amp;group…</source>
        <translation>New &amp;group…</translation>
    </message>
    <message>
        <source>New request to join %1</source>
        <translation>New request to join %1</translation>
    </message>
    <message>
        <source>You are invited to join %1</source>
        <translation>You are invited to join %1</translation>
    </message>
    <message>
        <source>You are now a member of %1</source>
        <translation>You are now a member of %1</translation>
    </message>
    <message>
        <source>Creating the group: it shows under Groups once the server has it.</source>
        <translation>Creating the group: it shows under Groups once the server has it.</translation>
    </message>
    <message>
        <source>a group</source>
        <translation>a group</translation>
    </message>
</context>
<context>
    <name>plein::app::Header</name>
    <message>
        <source>Show the sidebar</source>
        <translation>Show the sidebar</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Logged in as %1 (%2 on %3)</source>
        <translation>Logged in as %1 (%2 on %3)</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Account: %1</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread</source>
        <translation>
            <numerusform>Notifications: %n unread</numerusform>
            <numerusform>Notifications: %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
</context>
<context>
    <name>plein::app::HistoryPage</name>
    <message>
        <source>published by %1</source>
        <translation>published by %1</translation>
    </message>
    <message>
        <source>revision %1 restored by %2</source>
        <translation>revision %1 restored by %2</translation>
    </message>
    <message>
        <source>edited by %1</source>
        <translation>edited by %1</translation>
    </message>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n unchanged line</numerusform>
            <numerusform>⋯ %n unchanged lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation>Back to the article</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>&amp;Restore this revision</source>
        <translation>&amp;Restore this revision</translation>
    </message>
    <message>
        <source>Makes this revision&apos;s text the newest revision; the revisions after it stay in the history</source>
        <translation>Makes this revision&apos;s text the newest revision; the revisions after it stay in the history</translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation>History of “%1”</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>The history is read from the server when you are online again.</source>
        <translation>The history is read from the server when you are online again.</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Reading the history…</translation>
    </message>
    <message>
        <source>This article does not exist (any more), or it is not yours to read.</source>
        <translation>This article does not exist (any more), or it is not yours to read.</translation>
    </message>
    <message>
        <source>This article has no revisions yet: they are kept from its first publication on.</source>
        <translation>This article has no revisions yet: they are kept from its first publication on.</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>current</translation>
    </message>
    <message>
        <source>Reading the texts…</source>
        <translation>Reading the texts…</translation>
    </message>
    <message>
        <source>against revision %1</source>
        <translation>against revision %1</translation>
    </message>
    <message>
        <source>the first kept revision</source>
        <translation>the first kept revision</translation>
    </message>
    <message>
        <source>the text is unchanged</source>
        <translation>the text is unchanged</translation>
    </message>
    <message>
        <source>%1 added, %2 removed</source>
        <translation>%1 added, %2 removed</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>title: “%1” → “%2”</source>
        <translation>title: “%1” → “%2”</translation>
    </message>
    <message>
        <source>summary removed</source>
        <translation>summary removed</translation>
    </message>
    <message>
        <source>summary: “%1”</source>
        <translation>summary: “%1”</translation>
    </message>
    <message>
        <source>topics: %1</source>
        <translation>topics: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Restore revision</source>
        <translation>Restore revision</translation>
    </message>
    <message>
        <source>Make the text of revision %1 the newest revision? Revision %2 and the ones before it stay in the history.</source>
        <translation>Make the text of revision %1 the newest revision? Revision %2 and the ones before it stay in the history.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>plein::app::ImageViewer</name>
    <message>
        <source>Previous image (Left)</source>
        <translation>Previous image (Left)</translation>
    </message>
    <message>
        <source>Next image (Right)</source>
        <translation>Next image (Right)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>Fit to window (Ctrl+0)</translation>
    </message>
    <message>
        <source>Actual size, 100 % (Ctrl+1)</source>
        <translation>Actual size, 100 % (Ctrl+1)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Open with the desktop&apos;s app</source>
        <translation>Open with the desktop&apos;s app</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Close (Escape)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>plein::app::LikersCache</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::LoginDialog</name>
    <message>
        <source>Remember me on this computer</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <source>Log in to Plein</source>
        <translation>Log in to Plein</translation>
    </message>
    <message>
        <source>Keeps a session token in the system keyring; your password is never stored.</source>
        <translation>Keeps a session token in the system keyring; your password is never stored.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Open offline</source>
        <translation>Open offline</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>plein.example.org</source>
        <translation>plein.example.org</translation>
    </message>
    <message>
        <source>Your username</source>
        <translation>Your username</translation>
    </message>
    <message>
        <source>Read and write in the copy on this computer; Plein sends what you write once the server can be reached.</source>
        <translation>Read and write in the copy on this computer; Plein sends what you write once the server can be reached.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Your organisation&apos;s town square. Use the account your organisation gave you.</source>
        <translation>Your organisation&apos;s town square. Use the account your organisation gave you.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>plein::app::LoginFlow</name>
    <message>
        <source>Enter your username and password.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <source>No system keyring is available, so Plein cannot remember you and stores nothing: you will log in each time. (%1)</source>
        <translation>No system keyring is available, so Plein cannot remember you and stores nothing: you will log in each time. (%1)</translation>
    </message>
    <message>
        <source>No system keyring is available, so Plein cannot remember you and stores nothing: you will log in next time again. (%1)</source>
        <translation>No system keyring is available, so Plein cannot remember you and stores nothing: you will log in next time again. (%1)</translation>
    </message>
    <message>
        <source>The offline copy on this computer is damaged. Plein will set it aside and fetch everything again from the server at the next start; nothing you wrote is lost.</source>
        <translation>The offline copy on this computer is damaged. Plein will set it aside and fetch everything again from the server at the next start; nothing you wrote is lost.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>The offline copy on this computer cannot be opened: %1</source>
        <translation>The offline copy on this computer cannot be opened: %1</translation>
    </message>
    <message>
        <source>Switch to this account</source>
        <translation>Switch to this account</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Log in as %1 to switch to this account.</source>
        <translation>Log in as %1 to switch to this account.</translation>
    </message>
    <message>
        <source>Add another account, on this server or another one. Switch between your accounts in the account menu.</source>
        <translation>Add another account, on this server or another one. Switch between your accounts in the account menu.</translation>
    </message>
    <message>
        <source>Log out of %1?</source>
        <translation>Log out of %1?</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) you made have not been sent yet. They stay on this computer and are sent when you log in again, unless you remove the offline copy.</source>
        <translation>
            <numerusform>%n change you made has not been sent yet. It stays on this computer and is sent when you log in again, unless you remove the offline copy.</numerusform>
            <numerusform>%n changes you made have not been sent yet. They stay on this computer and are sent when you log in again, unless you remove the offline copy.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plein forgets your session on this computer. The offline copy stays unless you remove it, so logging in again is quick.</source>
        <translation>Plein forgets your session on this computer. The offline copy stays unless you remove it, so logging in again is quick.</translation>
    </message>
    <message>
        <source>Also remove the offline copy from this computer</source>
        <translation>Also remove the offline copy from this computer</translation>
    </message>
    <message>
        <source>You have logged out of %1.</source>
        <translation>You have logged out of %1.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>plein::app::MainWindow</name>
    <message>
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message>
        <source>Plein (%1)</source>
        <translation>Plein (%1)</translation>
    </message>
    <message>
        <source>&amp;Plein</source>
        <translation>&amp;Plein</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Plein will use this language the next time it starts.</source>
        <translation>Plein will use this language the next time it starts.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>N&amp;otifications</source>
        <translation>N&amp;otifications</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Notifications…</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Appearance</translation>
    </message>
    <message>
        <source>Like the desktop</source>
        <translation>Like the desktop</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Previous in the sidebar</source>
        <translation>&amp;Previous in the sidebar</translation>
    </message>
    <message>
        <source>&amp;Next in the sidebar</source>
        <translation>&amp;Next in the sidebar</translation>
    </message>
    <message>
        <source>&amp;Switch between sidebar and page</source>
        <translation>&amp;Switch between sidebar and page</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>&amp;Back to the list</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About Plein</source>
        <translation>&amp;About Plein</translation>
    </message>
    <message>
        <source>About Plein</source>
        <translation>About Plein</translation>
    </message>
    <message>
        <source>&lt;b&gt;Plein %1&lt;/b&gt;&lt;br&gt;The town square of your organisation: a native, offline-first social network that your organisation runs itself.</source>
        <translation>&lt;b&gt;Plein %1&lt;/b&gt;&lt;br&gt;The town square of your organisation: a native, offline-first social network that your organisation runs itself.</translation>
    </message>
    <message>
        <source>(%1) Plein</source>
        <translation>(%1) Plein</translation>
    </message>
</context>
<context>
    <name>plein::app::MessageActions</name>
    <message>
        <source>Delete the message?</source>
        <translation>Delete the message?</translation>
    </message>
    <message>
        <source>It is removed for everyone in the conversation. This cannot be undone.</source>
        <translation>It is removed for everyone in the conversation. This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>React</source>
        <translation>React</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Message %1</translation>
    </message>
    <message>
        <source>Mention %1</source>
        <translation>Mention %1</translation>
    </message>
</context>
<context>
    <name>plein::app::MessageDelegate</name>
    <message>
        <source>Edited %1</source>
        <translation>Edited %1</translation>
    </message>
    <message>
        <source>Show the message this replies to</source>
        <translation>Show the message this replies to</translation>
    </message>
    <message>
        <source>Click to take yours back</source>
        <translation>Click to take yours back</translation>
    </message>
    <message>
        <source>Click to react with this too</source>
        <translation>Click to react with this too</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Send it again</source>
        <translation>Send it again</translation>
    </message>
    <message>
        <source>Change the text and send it again</source>
        <translation>Change the text and send it again</translation>
    </message>
    <message>
        <source>Drop what was not sent</source>
        <translation>Drop what was not sent</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>This message was deleted</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>The change was not saved: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Edit waiting to be sent</source>
        <translation>Edit waiting to be sent</translation>
    </message>
    <message>
        <source>Deletion waiting to be sent</source>
        <translation>Deletion waiting to be sent</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>plein::app::MessageToolbar</name>
    <message>
        <source>React with %1</source>
        <translation>React with %1</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>Add a reaction</translation>
    </message>
    <message>
        <source>Reply (R)</source>
        <translation>Reply (R)</translation>
    </message>
    <message>
        <source>Edit (E)</source>
        <translation>Edit (E)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>More actions</translation>
    </message>
</context>
<context>
    <name>plein::app::MessageView</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the newest</source>
        <translation>Jump to the newest</translation>
    </message>
</context>
<context>
    <name>plein::app::Navigator</name>
    <message>
        <source>“%1” is not a Plein link.</source>
        <translation>“%1” is not a Plein link.</translation>
    </message>
    <message>
        <source>Plein does not know where “%1” leads.</source>
        <translation>Plein does not know where “%1” leads.</translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation>“%1” cannot be opened.</translation>
    </message>
</context>
<context>
    <name>plein::app::NewConversationDialog</name>
    <message>
        <source>Only I can add or remove members</source>
        <translation>Only I can add or remove members</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <source>Write to one person, or to several at once.</source>
        <translation>Write to one person, or to several at once.</translation>
    </message>
    <message>
        <source>Optional: a name, such as “Release planning”</source>
        <translation>Optional: a name, such as “Release planning”</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
</context>
<context>
    <name>plein::app::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>plein::app::NotificationKinds</name>
    <message>
        <source>Replies to your posts</source>
        <translation>Replies to your posts</translation>
    </message>
    <message>
        <source>Mentions of you</source>
        <translation>Mentions of you</translation>
    </message>
    <message>
        <source>Group requests, invitations and approvals</source>
        <translation>Group requests, invitations and approvals</translation>
    </message>
    <message numerus="yes">
        <source>%n new replies</source>
        <translation>
            <numerusform>%n new reply</numerusform>
            <numerusform>%n new replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new mentions</source>
        <translation>
            <numerusform>%n new mention</numerusform>
            <numerusform>%n new mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group notifications</source>
        <translation>
            <numerusform>%n group notification</numerusform>
            <numerusform>%n group notifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n new notification</numerusform>
            <numerusform>%n new notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Chat: direct messages, mentions and replies</source>
        <translation>Chat: direct messages, mentions and replies</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s)</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group notification(s)</source>
        <translation>
            <numerusform>%n group notification</numerusform>
            <numerusform>%n group notifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other notification(s)</source>
        <translation>
            <numerusform>%n other notification</numerusform>
            <numerusform>%n other notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Comments on your articles, and mentions in comments</source>
        <translation>Comments on your articles, and mentions in comments</translation>
    </message>
    <message numerus="yes">
        <source>%n new comments</source>
        <translation>
            <numerusform>%n new comment</numerusform>
            <numerusform>%n new comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::NotificationModel</name>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Mark as read</translation>
    </message>
</context>
<context>
    <name>plein::app::NotificationSettings</name>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Cannot remove %1.</translation>
    </message>
</context>
<context>
    <name>plein::app::NotificationSettingsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>On the desktop</source>
        <translation>On the desktop</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Show desktop notifications</translation>
    </message>
    <message>
        <source>Play no sound</source>
        <translation>Play no sound</translation>
    </message>
    <message>
        <source>Everything stays in Plein&apos;s notification list, whatever shows on the desktop.</source>
        <translation>Everything stays in Plein&apos;s notification list, whatever shows on the desktop.</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Starting</translation>
    </message>
    <message>
        <source>Start Plein when I log in</source>
        <translation>Start Plein when I log in</translation>
    </message>
    <message>
        <source>Plein starts in the background, so replies and mentions reach you from the moment you log in.</source>
        <translation>Plein starts in the background, so replies and mentions reach you from the moment you log in.</translation>
    </message>
    <message>
        <source>Start minimised</source>
        <translation>Start minimised</translation>
    </message>
    <message>
        <source>In the system tray when the desktop has one, minimised otherwise.</source>
        <translation>In the system tray when the desktop has one, minimised otherwise.</translation>
    </message>
    <message>
        <source>No notification service answers on this desktop: Plein shows notifications at its tray icon instead, where there is one.</source>
        <translation>No notification service answers on this desktop: Plein shows notifications at its tray icon instead, where there is one.</translation>
    </message>
    <message>
        <source>Plein cannot change how it starts at login: %1</source>
        <translation>Plein cannot change how it starts at login: %1</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Do not disturb</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Turn off</translation>
    </message>
    <message>
        <source>Notification schedule</source>
        <translation>Notification schedule</translation>
    </message>
    <message>
        <source>The bell at the top of the window, and the tray icon&apos;s menu, turn do not disturb on for a while.</source>
        <translation>The bell at the top of the window, and the tray icon&apos;s menu, turn do not disturb on for a while.</translation>
    </message>
    <message>
        <source>Do not disturb is off.</source>
        <translation>Do not disturb is off.</translation>
    </message>
</context>
<context>
    <name>plein::app::NotificationsPage</name>
    <message>
        <source>Mark all as read</source>
        <translation>Mark all as read</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Nothing yet: mentions, replies and group invitations show up here.</source>
        <translation>Nothing yet: mentions, replies and group invitations show up here.</translation>
    </message>
</context>
<context>
    <name>plein::app::PeopleCapability</name>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>My &amp;profile</source>
        <translation>My &amp;profile</translation>
    </message>
    <message>
        <source>Saving the profile: it changes for everyone once the server has it.</source>
        <translation>Saving the profile: it changes for everyone once the server has it.</translation>
    </message>
</context>
<context>
    <name>plein::app::PeopleDirectoryPage</name>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Find colleagues by name, department, expertise or what they like to do.</source>
        <translation>Find colleagues by name, department, expertise or what they like to do.</translation>
    </message>
    <message>
        <source>Search by name or job title</source>
        <translation>Search by name or job title</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Any expertise</source>
        <translation>Any expertise</translation>
    </message>
    <message>
        <source>Any interest</source>
        <translation>Any interest</translation>
    </message>
    <message>
        <source>No one in the directory yet. People appear here once the app has been online.</source>
        <translation>No one in the directory yet. People appear here once the app has been online.</translation>
    </message>
    <message>
        <source>No one matches. Try another name or fewer filters.</source>
        <translation>No one matches. Try another name or fewer filters.</translation>
    </message>
</context>
<context>
    <name>plein::app::PeoplePicker</name>
    <message>
        <source>Type a name</source>
        <translation>Type a name</translation>
    </message>
    <message>
        <source>Looking for people…</source>
        <translation>Looking for people…</translation>
    </message>
    <message>
        <source>Nobody called “%1” that Plein knows of. People show here once they wrote a post or share a group with you.</source>
        <translation>Nobody called “%1” that Plein knows of. People show here once they wrote a post or share a group with you.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>Add someone else</source>
        <translation>Add someone else</translation>
    </message>
</context>
<context>
    <name>plein::app::PostActions</name>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Try the change again</source>
        <translation>Try the change again</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Discard the change</translation>
    </message>
    <message>
        <source>Unlike</source>
        <translation>Unlike</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Like</translation>
    </message>
    <message>
        <source>Open thread</source>
        <translation>Open thread</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <source>Pin to the top of the group</source>
        <translation>Pin to the top of the group</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>Undo the deletion</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
</context>
<context>
    <name>plein::app::PostDelegate</name>
    <message>
        <source>This post was deleted.</source>
        <translation>This post was deleted.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message numerus="yes">
        <source>%n like(s)</source>
        <translation>
            <numerusform>%n like</numerusform>
            <numerusform>%n likes</numerusform>
        </translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (you)</translation>
    </message>
    <message numerus="yes">
        <source> · %n repl(y/ies)</source>
        <translation>
            <numerusform> · %n reply</numerusform>
            <numerusform> · %n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit waiting to be sent</source>
        <translation>Edit waiting to be sent</translation>
    </message>
    <message>
        <source>Deletion waiting to be sent</source>
        <translation>Deletion waiting to be sent</translation>
    </message>
    <message>
        <source>Pin waiting to be sent</source>
        <translation>Pin waiting to be sent</translation>
    </message>
    <message>
        <source>Like waiting to be sent</source>
        <translation>Like waiting to be sent</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Post deleted.</source>
        <translation>Post deleted.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Pinned</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Show less</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Show more</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Like</translation>
    </message>
    <message numerus="yes">
        <source>%n repl(y/ies)</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Discard the change</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Edited %1</translation>
    </message>
    <message>
        <source>Posted in the group %1</source>
        <translation>Posted in the group %1</translation>
    </message>
    <message>
        <source>Pinned to the top of the group</source>
        <translation>Pinned to the top of the group</translation>
    </message>
    <message>
        <source>Sent as soon as there is a connection</source>
        <translation>Sent as soon as there is a connection</translation>
    </message>
    <message>
        <source>Unlike (L)</source>
        <translation>Unlike (L)</translation>
    </message>
    <message>
        <source>Like (L)</source>
        <translation>Like (L)</translation>
    </message>
    <message>
        <source>Reply in the thread (R)</source>
        <translation>Reply in the thread (R)</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>More actions</translation>
    </message>
    <message>
        <source>Fold the post again</source>
        <translation>Fold the post again</translation>
    </message>
    <message>
        <source>Show the whole post</source>
        <translation>Show the whole post</translation>
    </message>
    <message>
        <source>Send it again</source>
        <translation>Send it again</translation>
    </message>
    <message>
        <source>Change the text (E)</source>
        <translation>Change the text (E)</translation>
    </message>
    <message>
        <source>Drop what was not sent</source>
        <translation>Drop what was not sent</translation>
    </message>
    <message>
        <source>Keep the post</source>
        <translation>Keep the post</translation>
    </message>
</context>
<context>
    <name>plein::app::PostEditor</name>
    <message>
        <source>Ctrl+Enter saves · Escape cancels</source>
        <translation>Ctrl+Enter saves · Escape cancels</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the post (Ctrl+Enter)</source>
        <translation>Save the post (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Keep the post as it was (Escape)</source>
        <translation>Keep the post as it was (Escape)</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n character too many</numerusform>
            <numerusform>%n characters too many</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::ProblemText</name>
    <message>
        <source>Cannot reach the server at %1. Check your network connection; Plein keeps trying, and you can go on reading and writing offline.</source>
        <translation>Cannot reach the server at %1. Check your network connection; Plein keeps trying, and you can go on reading and writing offline.</translation>
    </message>
    <message>
        <source>The username or password is not right. Try again.</source>
        <translation>The username or password is not right. Try again.</translation>
    </message>
    <message>
        <source>Your saved session has ended (it expired, or you were signed out elsewhere). Log in again.</source>
        <translation>Your saved session has ended (it expired, or you were signed out elsewhere). Log in again.</translation>
    </message>
    <message>
        <source>This account has been deactivated. Ask your administrator if you think this is a mistake.</source>
        <translation>This account has been deactivated. Ask your administrator if you think this is a mistake.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate cannot be trusted, so Plein did not connect. Ask your administrator.</source>
        <translation>The server&apos;s security certificate cannot be trusted, so Plein did not connect. Ask your administrator.</translation>
    </message>
    <message>
        <source>This version of Plein cannot talk to the server: one of them needs an update. Ask your administrator.</source>
        <translation>This version of Plein cannot talk to the server: one of them needs an update. Ask your administrator.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>The offline copy on this computer was damaged. It was set aside and is being rebuilt from the server; posts that were not sent yet could not be saved.</source>
        <translation>The offline copy on this computer was damaged. It was set aside and is being rebuilt from the server; posts that were not sent yet could not be saved.</translation>
    </message>
    <message>
        <source>The server refused the connection. Try again later, or ask your administrator.</source>
        <translation>The server refused the connection. Try again later, or ask your administrator.</translation>
    </message>
    <message>
        <source>Cannot reach a Plein server at %1. Check the server address and your network connection.</source>
        <translation>Cannot reach a Plein server at %1. Check the server address and your network connection.</translation>
    </message>
    <message>
        <source>The security certificate of %1 cannot be trusted, so Plein did not connect. Check the server address, or ask your administrator.</source>
        <translation>The security certificate of %1 cannot be trusted, so Plein did not connect. Check the server address, or ask your administrator.</translation>
    </message>
    <message>
        <source>The server refused the login. Try again later, or ask your administrator.</source>
        <translation>The server refused the login. Try again later, or ask your administrator.</translation>
    </message>
    <message>
        <source>Too many login attempts in a short time. Wait a minute, then try again.</source>
        <translation>Too many login attempts in a short time. Wait a minute, then try again.</translation>
    </message>
</context>
<context>
    <name>plein::app::ProfilePage</name>
    <message>
        <source>Send a message</source>
        <translation>Send a message</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Edit profile</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Following</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Stop showing their posts in Home</source>
        <translation>Stop showing their posts in Home</translation>
    </message>
    <message>
        <source>Show their posts in Home</source>
        <translation>Show their posts in Home</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interests</translation>
    </message>
    <message>
        <source>Recent posts</source>
        <translation>Recent posts</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Person not found</source>
        <translation>Person not found</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>This person does not exist or is no longer active.</source>
        <translation>This person does not exist or is no longer active.</translation>
    </message>
    <message>
        <source>This account is deactivated.</source>
        <translation>This account is deactivated.</translation>
    </message>
    <message>
        <source>Changes to this profile are waiting to be sent.</source>
        <translation>Changes to this profile are waiting to be sent.</translation>
    </message>
    <message>
        <source>Everyone with “%1”</source>
        <translation>Everyone with “%1”</translation>
    </message>
    <message>
        <source>Not known on this computer yet: the profile shows once Plein is online.</source>
        <translation>Not known on this computer yet: the profile shows once Plein is online.</translation>
    </message>
    <message>
        <source>Writes in</source>
        <translation>Writes in</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Drop the change that was not saved</source>
        <translation>Drop the change that was not saved</translation>
    </message>
    <message>
        <source>A change to this profile was not saved: %1</source>
        <translation>A change to this profile was not saved: %1</translation>
    </message>
</context>
<context>
    <name>plein::app::ReactorsCache</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>minutes ago</comment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <comment>yesterday at a time</comment>
        <translation>yesterday %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>weekday and time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>date at time</comment>
        <translation>%1 at %2</translation>
    </message>
</context>
<context>
    <name>plein::app::ScheduleEditor</name>
    <message>
        <source>Pause notifications outside these hours</source>
        <translation>Pause notifications outside these hours</translation>
    </message>
    <message>
        <source>%1 from</source>
        <translation>%1 from</translation>
    </message>
    <message>
        <source>%1 until</source>
        <translation>%1 until</translation>
    </message>
    <message>
        <source>Quiet all day</source>
        <translation>Quiet all day</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Do not disturb</translation>
    </message>
    <message>
        <source>Outside the hours of a ticked day, and all day on a day left unticked, do not disturb is on: notifications go into the list without a bubble or a sound. Hours past midnight, such as %1–%2 for a night shift, are fine.</source>
        <translation>Outside the hours of a ticked day, and all day on a day left unticked, do not disturb is on: notifications go into the list without a bubble or a sound. Hours past midnight, such as %1–%2 for a night shift, are fine.</translation>
    </message>
</context>
<context>
    <name>plein::app::SearchCapability</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Search…</translation>
    </message>
    <message>
        <source>Next result</source>
        <translation>Next result</translation>
    </message>
    <message>
        <source>Previous result</source>
        <translation>Previous result</translation>
    </message>
    <message>
        <source>Open the result</source>
        <translation>Open the result</translation>
    </message>
</context>
<context>
    <name>plein::app::SearchPage</name>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search posts, messages, people and groups</source>
        <translation>Search posts, messages, people and groups</translation>
    </message>
    <message>
        <source>Copy a link to this search</source>
        <translation>Copy a link to this search</translation>
    </message>
    <message>
        <source>From anyone</source>
        <translation>From anyone</translation>
    </message>
    <message>
        <source>In any group</source>
        <translation>In any group</translation>
    </message>
    <message>
        <source>Keep typing…</source>
        <translation>Keep typing…</translation>
    </message>
    <message>
        <source>Search everything on this computer</source>
        <translation>Search everything on this computer</translation>
    </message>
    <message>
        <source>Posts, replies, messages, people and groups you have seen are searched at once, also offline. Ctrl+K brings you here from anywhere.</source>
        <translation>Posts, replies, messages, people and groups you have seen are searched at once, also offline. Ctrl+K brings you here from anywhere.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”</source>
        <translation>Nothing found for “%1”</translation>
    </message>
    <message>
        <source>Try fewer words, or search without the filters.</source>
        <translation>Try fewer words, or search without the filters.</translation>
    </message>
    <message>
        <source>Try fewer or other words. Only what this computer has seen is searched.</source>
        <translation>Try fewer or other words. Only what this computer has seen is searched.</translation>
    </message>
    <message>
        <source>Searching the server…</source>
        <translation>Searching the server…</translation>
    </message>
    <message>
        <source>Offline: results from this computer only</source>
        <translation>Offline: results from this computer only</translation>
    </message>
    <message>
        <source>The server could not search: results from this computer only</source>
        <translation>The server could not search: results from this computer only</translation>
    </message>
    <message>
        <source>Try fewer or other words.</source>
        <translation>Try fewer or other words.</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
</context>
<context>
    <name>plein::app::SearchResultDelegate</name>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direct message</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
</context>
<context>
    <name>plein::app::ServerAddress</name>
    <message>
        <source>Enter the address of your organisation&apos;s Plein server, such as plein.example.org.</source>
        <translation>Enter the address of your organisation&apos;s Plein server, such as plein.example.org.</translation>
    </message>
    <message>
        <source>“%1” is not a server address. Enter a host name such as plein.example.org, with a port if your organisation uses one (plein.example.org:8443).</source>
        <translation>“%1” is not a server address. Enter a host name such as plein.example.org, with a port if your organisation uses one (plein.example.org:8443).</translation>
    </message>
    <message>
        <source>Plein does not connect through %1://. Enter just the host name, such as plein.example.org.</source>
        <translation>Plein does not connect through %1://. Enter just the host name, such as plein.example.org.</translation>
    </message>
    <message>
        <source>The connection to %1 would not be encrypted, so your password and posts could be read on the way. Enter just %1 to connect securely (ws:// is only for a server on this computer).</source>
        <translation>The connection to %1 would not be encrypted, so your password and posts could be read on the way. Enter just %1 to connect securely (ws:// is only for a server on this computer).</translation>
    </message>
</context>
<context>
    <name>plein::app::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>plein::app::SingleInstance</name>
    <message>
        <source>Plein is already running with this profile.</source>
        <translation>Plein is already running with this profile.</translation>
    </message>
    <message>
        <source>Cannot lock the profile folder %1.</source>
        <translation>Cannot lock the profile folder %1.</translation>
    </message>
</context>
<context>
    <name>plein::app::ThreadPane</name>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Write a reply… (Ctrl+Enter sends)</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the thread</source>
        <translation>Close the thread</translation>
    </message>
    <message>
        <source>This post was deleted, so it takes no new replies.</source>
        <translation>This post was deleted, so it takes no new replies.</translation>
    </message>
    <message>
        <source>Loading the replies…</source>
        <translation>Loading the replies…</translation>
    </message>
    <message>
        <source>No replies yet
Write the first one below.</source>
        <translation>No replies yet
Write the first one below.</translation>
    </message>
</context>
<context>
    <name>plein::app::TokenStore</name>
    <message>
        <source>No keyring is available, so you will be asked to log in next time (%1).</source>
        <translation>No keyring is available, so you will be asked to log in next time (%1).</translation>
    </message>
</context>
<context>
    <name>plein::app::TopicPage</name>
    <message>
        <source>No posts with #%1 yet
Write one: a post with #%1 in it shows here.</source>
        <translation>No posts with #%1 yet
Write one: a post with #%1 in it shows here.</translation>
    </message>
    <message>
        <source>Write about #%1… (Ctrl+Enter sends)</source>
        <translation>Write about #%1… (Ctrl+Enter sends)</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Following</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Stop following #%1</source>
        <translation>Stop following #%1</translation>
    </message>
    <message>
        <source>Show posts with #%1 in Home</source>
        <translation>Show posts with #%1 in Home</translation>
    </message>
</context>
<context>
    <name>plein::app::TrayIcon</name>
    <message>
        <source>Show Plein</source>
        <translation>Show Plein</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message numerus="yes">
        <source>%n new post(s)</source>
        <translation>
            <numerusform>%n new post</numerusform>
            <numerusform>%n new posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n unread notification</numerusform>
            <numerusform>%n unread notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation>No unread notifications</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::filechip</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1 file</translation>
    </message>
</context>
<context>
    <name>plein::client::Blogs</name>
    <message>
        <source>a cover is a PNG, JPEG, GIF or WebP image</source>
        <translation>a cover is a PNG, JPEG, GIF or WebP image</translation>
    </message>
</context>
<context>
    <name>plein::client::ChatStore</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::Client</name>
    <message>
        <source>this client is open already</source>
        <translation>this client is open already</translation>
    </message>
</context>
<context>
    <name>plein::client::Connection</name>
    <message>
        <source>log in to continue</source>
        <translation>log in to continue</translation>
    </message>
</context>
<context>
    <name>plein::client::Drafts</name>
    <message>
        <source>The article was deleted on the server.</source>
        <translation>The article was deleted on the server.</translation>
    </message>
</context>
<context>
    <name>plein::client::FileCache</name>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>cannot write in %1</source>
        <translation>cannot write in %1</translation>
    </message>
    <message>
        <source>no thumbnail for this file</source>
        <translation>no thumbnail for this file</translation>
    </message>
    <message>
        <source>not a file id or variant</source>
        <translation>not a file id or variant</translation>
    </message>
    <message>
        <source>not connected to the server</source>
        <translation>not connected to the server</translation>
    </message>
    <message>
        <source>the download was cut short</source>
        <translation>the download was cut short</translation>
    </message>
</context>
<context>
    <name>plein::client::FileClient</name>
    <message>
        <source>the server answered %1</source>
        <translation>the server answered %1</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a JSON object</source>
        <translation>the server&apos;s answer is not a JSON object</translation>
    </message>
</context>
<context>
    <name>plein::client::Outbox</name>
    <message>
        <source>unknown kind of write</source>
        <translation>unknown kind of write</translation>
    </message>
</context>
<context>
    <name>plein::client::Profiles</name>
    <message>
        <source>the change could not be stored on this computer</source>
        <translation>the change could not be stored on this computer</translation>
    </message>
</context>
<context>
    <name>plein::client::Session</name>
    <message>
        <source>the connection was closed</source>
        <translation>the connection was closed</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>the server did not answer in time</translation>
    </message>
</context>
<context>
    <name>plein::client::SyncEngine</name>
    <message>
        <source>cannot store the events: %1</source>
        <translation>cannot store the events: %1</translation>
    </message>
    <message>
        <source>cannot store the new cursor: %1</source>
        <translation>cannot store the new cursor: %1</translation>
    </message>
</context>
<context>
    <name>plein::client::UploadJob</name>
    <message>
        <source>the file to upload is no longer known</source>
        <translation>the file to upload is no longer known</translation>
    </message>
    <message>
        <source>the server is not reachable</source>
        <translation>the server is not reachable</translation>
    </message>
    <message>
        <source>%1 is no longer there (%2)</source>
        <translation>%1 is no longer there (%2)</translation>
    </message>
    <message>
        <source>%1 changed after it was attached; attach it again</source>
        <translation>%1 changed after it was attached; attach it again</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 cannot be read</translation>
    </message>
    <message>
        <source>the server named no upload</source>
        <translation>the server named no upload</translation>
    </message>
    <message>
        <source>the cache cannot be written</source>
        <translation>the cache cannot be written</translation>
    </message>
    <message>
        <source>the server&apos;s offset is outside the file</source>
        <translation>the server&apos;s offset is outside the file</translation>
    </message>
</context>
<context>
    <name>plein::client::Uploads</name>
    <message>
        <source>At most %1 files can be attached</source>
        <translation>At most %1 files can be attached</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 does not exist</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 is not a file</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 cannot be read</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 is empty</translation>
    </message>
    <message>
        <source>%1 is too large: a file may hold at most %2</source>
        <translation>%1 is too large: a file may hold at most %2</translation>
    </message>
    <message>
        <source>the write could not be stored</source>
        <translation>the write could not be stored</translation>
    </message>
</context>
</TS>
