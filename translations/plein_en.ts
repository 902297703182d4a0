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
        <source>Server address (wss://…).</source>
        <translation>Server address (wss://…).</translation>
    </message>
    <message>
        <source>Username.</source>
        <translation>Username.</translation>
    </message>
    <message>
        <source>Folder for the offline cache instead of the default.</source>
        <translation>Folder for the offline cache instead of the default.</translation>
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
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n character left</numerusform>
            <numerusform>%n characters left</numerusform>
        </translation>
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
        <source>The server refused: %1</source>
        <translation>The server refused: %1</translation>
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
        <source>wss://plein.example.org</source>
        <translation>wss://plein.example.org</translation>
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
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>The server address must start with wss:// (or ws:// on this computer).</source>
        <translation>The server address must start with wss:// (or ws:// on this computer).</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Enter your username and password.</translation>
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
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message>
        <source>The offline copy cannot be opened: %1</source>
        <translation>The offline copy cannot be opened: %1</translation>
    </message>
    <message>
        <source>No system keyring is available, so Plein cannot remember you and stores nothing: you will log in next time again. (%1)</source>
        <translation>No system keyring is available, so Plein cannot remember you and stores nothing: you will log in next time again. (%1)</translation>
    </message>
    <message>
        <source>The offline copy on this computer is damaged. Plein will set it aside and fetch everything again from the server at the next start; nothing you wrote is lost.</source>
        <translation>The offline copy on this computer is damaged. Plein will set it aside and fetch everything again from the server at the next start; nothing you wrote is lost.</translation>
    </message>
</context>
<context>
    <name>plein::app::MainWindow</name>
    <message>
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message>
        <source>Show Plein</source>
        <translation>Show Plein</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Plein (%1)</source>
        <translation>Plein (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Plein: %n new post(s)</source>
        <translation>
            <numerusform>Plein: %n new post</numerusform>
            <numerusform>Plein: %n new posts</numerusform>
        </translation>
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
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Show the sidebar</source>
        <translation>Show the sidebar</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>N&amp;otifications</source>
        <translation>N&amp;otifications</translation>
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
    <name>plein::app::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
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
        <source>Nothing new. Replies, mentions and news from your groups will show up here.</source>
        <translation>Nothing new. Replies, mentions and news from your groups will show up here.</translation>
    </message>
</context>
<context>
    <name>plein::app::PostActions</name>
    <message>
        <source>Edit post</source>
        <translation>Edit post</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
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
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source> · edited</source>
        <translation> · edited</translation>
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
        <source>%1 · not saved: %2</source>
        <translation>%1 · not saved: %2</translation>
    </message>
    <message>
        <source> · edit waiting to be sent</source>
        <translation> · edit waiting to be sent</translation>
    </message>
    <message>
        <source> · deletion waiting to be sent</source>
        <translation> · deletion waiting to be sent</translation>
    </message>
    <message>
        <source> · like waiting to be sent</source>
        <translation> · like waiting to be sent</translation>
    </message>
    <message>
        <source> · in %1</source>
        <translation> · in %1</translation>
    </message>
    <message>
        <source> · pinned</source>
        <translation> · pinned</translation>
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
        <source>The server refused the connection.</source>
        <translation>The server refused the connection.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>The offline copy on this computer was damaged. It was set aside and is being rebuilt from the server; posts that were not sent yet could not be saved.</source>
        <translation>The offline copy on this computer was damaged. It was set aside and is being rebuilt from the server; posts that were not sent yet could not be saved.</translation>
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
</context>
<context>
    <name>plein::app::TokenStore</name>
    <message>
        <source>No keyring is available, so you will be asked to log in next time (%1).</source>
        <translation>No keyring is available, so you will be asked to log in next time (%1).</translation>
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
    <name>plein::client::Outbox</name>
    <message>
        <source>unknown kind of write</source>
        <translation>unknown kind of write</translation>
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
</TS>
