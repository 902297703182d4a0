<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>main</name>
    <message>
        <source>Plein, the town square of your organisation</source>
        <translation>Plein, het dorpsplein van je organisatie</translation>
    </message>
    <message>
        <source>Server address (wss://…).</source>
        <translation>Serveradres (wss://…).</translation>
    </message>
    <message>
        <source>Username.</source>
        <translation>Gebruikersnaam.</translation>
    </message>
    <message>
        <source>Folder for the offline cache instead of the default.</source>
        <translation>Map voor de offline opslag in plaats van de standaard.</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input and log in without the dialog (needs --server and --user).</source>
        <translation>Lees het wachtwoord van de eerste regel van de standaardinvoer en log in zonder het venster (vereist --server en --user).</translation>
    </message>
    <message>
        <source>With --password-stdin: keep the session in the system keyring.</source>
        <translation>Met --password-stdin: bewaar de sessie in de sleutelbos van het systeem.</translation>
    </message>
    <message>
        <source>Interface language: nl, en, or system (the choice is remembered).</source>
        <translation>Taal van de app: nl, en of system (de keuze wordt onthouden).</translation>
    </message>
    <message>
        <source>--lang takes nl, en or system.</source>
        <translation>--lang accepteert nl, en of system.</translation>
    </message>
    <message>
        <source>--password-stdin needs --server and --user.</source>
        <translation>--password-stdin vereist --server en --user.</translation>
    </message>
    <message>
        <source>A plein: link to open, such as plein:/group/12.</source>
        <translation>Een plein:-link om te openen, zoals plein:/group/12.</translation>
    </message>
</context>
<context>
    <name>plein::app::Composer</name>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Write a post… (Ctrl+Enter sends)</source>
        <translation>Schrijf een bericht… (Ctrl+Enter verstuurt)</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Versturen (Ctrl+Enter)</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>nog %n teken</numerusform>
            <numerusform>nog %n tekens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::ConnectionStatus</name>
    <message>
        <source>Online, catching up…</source>
        <translation>Online, bijwerken…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message numerus="yes">
        <source>Offline, retrying in %n s</source>
        <translation>
            <numerusform>Offline, nieuwe poging over %n s</numerusform>
            <numerusform>Offline, nieuwe poging over %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source> · %n write(s) waiting</source>
        <translation>
            <numerusform> · %n wijziging wacht</numerusform>
            <numerusform> · %n wijzigingen wachten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::CreateGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Nieuwe groep</translation>
    </message>
    <message>
        <source>What the group is for (optional)</source>
        <translation>Waar de groep voor is (niet verplicht)</translation>
    </message>
    <message>
        <source>Public: anyone can read and join</source>
        <translation>Openbaar: iedereen kan lezen en lid worden</translation>
    </message>
    <message>
        <source>Private: members read; others ask to join</source>
        <translation>Besloten: leden lezen; anderen vragen om lid te worden</translation>
    </message>
    <message>
        <source>Secret: invisible to others; by invitation only</source>
        <translation>Geheim: onzichtbaar voor anderen; alleen op uitnodiging</translation>
    </message>
    <message>
        <source>New members see everything written before</source>
        <translation>Nieuwe leden zien alles wat eerder geschreven is</translation>
    </message>
    <message>
        <source>New members see only what comes after they join</source>
        <translation>Nieuwe leden zien alleen wat na hun komst geschreven wordt</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Groep maken</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschrijving:</translation>
    </message>
    <message>
        <source>Who can see it:</source>
        <translation>Wie haar kan zien:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Geschiedenis:</translation>
    </message>
    <message numerus="yes">
        <source>The description can have at most %n character(s).</source>
        <translation>
            <numerusform>De beschrijving mag hoogstens %n teken lang zijn.</numerusform>
            <numerusform>De beschrijving mag hoogstens %n tekens lang zijn.</numerusform>
        </translation>
    </message>
    <message>
        <source>The group could not be stored on this computer. Try again.</source>
        <translation>De groep kon niet op deze computer worden opgeslagen. Probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>plein::app::FeedCapability</name>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;Nieuw bericht</translation>
    </message>
    <message>
        <source>%1 replied to you</source>
        <translation>%1 reageerde op jou</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 noemde jou</translation>
    </message>
</context>
<context>
    <name>plein::app::FeedView</name>
    <message numerus="yes">
        <source>%n new post(s) — show</source>
        <translation>
            <numerusform>%n nieuw bericht — tonen</numerusform>
            <numerusform>%n nieuwe berichten — tonen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::GroupDirectoryPage</name>
    <message>
        <source>New group…</source>
        <translation>Nieuwe groep…</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Search groups by name</source>
        <translation>Zoek groepen op naam</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle groepen</translation>
    </message>
    <message>
        <source>My groups</source>
        <translation>Mijn groepen</translation>
    </message>
    <message>
        <source>The directory could not be read from the server: %1</source>
        <translation>De groepenlijst kon niet van de server worden gelezen: %1</translation>
    </message>
    <message>
        <source>Looking for groups…</source>
        <translation>Groepen zoeken…</translation>
    </message>
    <message>
        <source>No groups yet. Start one with “New group…”.</source>
        <translation>Nog geen groepen. Begin er een met „Nieuwe groep…”.</translation>
    </message>
    <message>
        <source>No group has “%1” in its name.</source>
        <translation>Geen groep heeft „%1” in haar naam.</translation>
    </message>
</context>
<context>
    <name>plein::app::GroupPage</name>
    <message>
        <source>Write to the group… (Ctrl+Enter sends)</source>
        <translation>Schrijf aan de groep… (Ctrl+Enter verstuurt)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Toelaten</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Weigeren</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Berichten</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <source>Group not found</source>
        <translation>Groep niet gevonden</translation>
    </message>
    <message>
        <source>Loading the group…</source>
        <translation>De groep wordt geladen…</translation>
    </message>
    <message>
        <source>This group does not exist, or it is not visible to you.</source>
        <translation>Deze groep bestaat niet, of is niet zichtbaar voor jou.</translation>
    </message>
    <message>
        <source>Waiting to be sent…</source>
        <translation>Wacht om verstuurd te worden…</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>De server weigerde: %1</translation>
    </message>
    <message>
        <source>Accept invitation</source>
        <translation>Uitnodiging aannemen</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Lid worden</translation>
    </message>
    <message>
        <source>Ask to join</source>
        <translation>Vragen om lid te worden</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Groep verlaten</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>Verzoek intrekken</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Afslaan</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Verzoeken</translation>
    </message>
    <message>
        <source>Make owner</source>
        <translation>Eigenaar maken</translation>
    </message>
    <message>
        <source>Make moderator</source>
        <translation>Moderator maken</translation>
    </message>
    <message>
        <source>Make member</source>
        <translation>Gewoon lid maken</translation>
    </message>
    <message>
        <source>Remove from the group</source>
        <translation>Uit de groep verwijderen</translation>
    </message>
</context>
<context>
    <name>plein::app::GroupTexts</name>
    <message>
        <source>Private group</source>
        <translation>Besloten groep</translation>
    </message>
    <message>
        <source>Secret group</source>
        <translation>Geheime groep</translation>
    </message>
    <message>
        <source>Public group</source>
        <translation>Openbare groep</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Lid</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n lid</numerusform>
            <numerusform>%n leden</numerusform>
        </translation>
    </message>
    <message>
        <source>archived</source>
        <translation>gearchiveerd</translation>
    </message>
    <message>
        <source>you are a member</source>
        <translation>je bent lid</translation>
    </message>
    <message>
        <source>you asked to join</source>
        <translation>je vroeg om lid te worden</translation>
    </message>
    <message>
        <source>you are invited</source>
        <translation>je bent uitgenodigd</translation>
    </message>
    <message>
        <source>This group is archived: it can be read, but nothing new can be written.</source>
        <translation>Deze groep is gearchiveerd: je kunt haar lezen, maar er kan niets nieuws in geschreven worden.</translation>
    </message>
    <message>
        <source>You asked to join. An owner or moderator of the group decides.</source>
        <translation>Je vroeg om lid te worden. Een eigenaar of moderator van de groep beslist.</translation>
    </message>
    <message>
        <source>You are invited to join this group.</source>
        <translation>Je bent uitgenodigd om lid te worden van deze groep.</translation>
    </message>
    <message>
        <source>Only members read this group. Ask to join, and an owner or moderator decides.</source>
        <translation>Alleen leden lezen deze groep. Vraag om lid te worden; een eigenaar of moderator beslist.</translation>
    </message>
    <message>
        <source>This group is by invitation only.</source>
        <translation>Deze groep is alleen op uitnodiging.</translation>
    </message>
</context>
<context>
    <name>plein::app::GroupsCapability</name>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Browse groups</source>
        <translation>Groepen bekijken</translation>
    </message>
    <message>
        <source>New &amp;group…</source>
        <translation>Nieuwe &amp;groep…</translation>
    </message>
    <message>
        <source>New request to join %1</source>
        <translation>Nieuw verzoek om lid te worden van %1</translation>
    </message>
    <message>
        <source>You are invited to join %1</source>
        <translation>Je bent uitgenodigd voor %1</translation>
    </message>
    <message>
        <source>You are now a member of %1</source>
        <translation>Je bent nu lid van %1</translation>
    </message>
    <message>
        <source>Creating the group: it shows under Groups once the server has it.</source>
        <translation>De groep wordt gemaakt: ze verschijnt onder Groepen zodra de server haar heeft.</translation>
    </message>
    <message>
        <source>a group</source>
        <translation>een groep</translation>
    </message>
</context>
<context>
    <name>plein::app::LoginDialog</name>
    <message>
        <source>Remember me on this computer</source>
        <translation>Onthoud mij op deze computer</translation>
    </message>
    <message>
        <source>Log in to Plein</source>
        <translation>Inloggen bij Plein</translation>
    </message>
    <message>
        <source>wss://plein.example.org</source>
        <translation>wss://plein.voorbeeld.nl</translation>
    </message>
    <message>
        <source>Keeps a session token in the system keyring; your password is never stored.</source>
        <translation>Bewaart een sessiesleutel in de sleutelbos van het systeem; je wachtwoord wordt nooit opgeslagen.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>The server address must start with wss:// (or ws:// on this computer).</source>
        <translation>Het serveradres moet beginnen met wss:// (of ws:// op deze computer).</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Vul je gebruikersnaam en wachtwoord in.</translation>
    </message>
</context>
<context>
    <name>plein::app::LoginFlow</name>
    <message>
        <source>Enter your username and password.</source>
        <translation>Vul je gebruikersnaam en wachtwoord in.</translation>
    </message>
    <message>
        <source>No system keyring is available, so Plein cannot remember you and stores nothing: you will log in each time. (%1)</source>
        <translation>Er is geen sleutelbos van het systeem beschikbaar. Plein kan je daarom niet onthouden en slaat niets op: je logt elke keer opnieuw in. (%1)</translation>
    </message>
    <message>
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message>
        <source>The offline copy cannot be opened: %1</source>
        <translation>De offline kopie kan niet worden geopend: %1</translation>
    </message>
    <message>
        <source>No system keyring is available, so Plein cannot remember you and stores nothing: you will log in next time again. (%1)</source>
        <translation>Er is geen sleutelbos van het systeem beschikbaar. Plein kan je daarom niet onthouden en slaat niets op: de volgende keer log je opnieuw in. (%1)</translation>
    </message>
    <message>
        <source>The offline copy on this computer is damaged. Plein will set it aside and fetch everything again from the server at the next start; nothing you wrote is lost.</source>
        <translation>De offline kopie op deze computer is beschadigd. Plein zet haar bij de volgende start opzij en haalt alles opnieuw op van de server; niets wat je schreef gaat verloren.</translation>
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
        <translation>Plein tonen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Plein (%1)</source>
        <translation>Plein (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Plein: %n new post(s)</source>
        <translation>
            <numerusform>Plein: %n nieuw bericht</numerusform>
            <numerusform>Plein: %n nieuwe berichten</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Plein</source>
        <translation>&amp;Plein</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Instellingen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Taal van het systeem</translation>
    </message>
    <message>
        <source>Plein will use this language the next time it starts.</source>
        <translation>Plein gebruikt deze taal vanaf de volgende keer dat het start.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Show the sidebar</source>
        <translation>De zijbalk tonen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>N&amp;otifications</source>
        <translation>M&amp;eldingen</translation>
    </message>
</context>
<context>
    <name>plein::app::Navigator</name>
    <message>
        <source>“%1” is not a Plein link.</source>
        <translation>„%1” is geen Plein-link.</translation>
    </message>
    <message>
        <source>Plein does not know where “%1” leads.</source>
        <translation>Plein weet niet waar „%1” heen leidt.</translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation>„%1” kan niet geopend worden.</translation>
    </message>
</context>
<context>
    <name>plein::app::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>plein::app::NotificationsPage</name>
    <message>
        <source>Mark all as read</source>
        <translation>Alles als gelezen markeren</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Nothing new. Replies, mentions and news from your groups will show up here.</source>
        <translation>Niets nieuws. Reacties, vermeldingen en nieuws uit je groepen verschijnen hier.</translation>
    </message>
</context>
<context>
    <name>plein::app::PostActions</name>
    <message>
        <source>Edit post</source>
        <translation>Bericht bewerken</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Tekst:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Try the change again</source>
        <translation>Wijziging opnieuw proberen</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Wijziging weggooien</translation>
    </message>
    <message>
        <source>Unlike</source>
        <translation>Niet meer leuk</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Leuk</translation>
    </message>
    <message>
        <source>Open thread</source>
        <translation>Gesprek openen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Losmaken</translation>
    </message>
    <message>
        <source>Pin to the top of the group</source>
        <translation>Bovenaan de groep vastzetten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 openen</translation>
    </message>
</context>
<context>
    <name>plein::app::PostDelegate</name>
    <message>
        <source>This post was deleted.</source>
        <translation>Dit bericht is verwijderd.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Niet verstuurd: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wacht op verzenden</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source> · edited</source>
        <translation> · bewerkt</translation>
    </message>
    <message numerus="yes">
        <source>%n like(s)</source>
        <translation>
            <numerusform>%n vind-ik-leuk</numerusform>
            <numerusform>%n vind-ik-leuks</numerusform>
        </translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (jij)</translation>
    </message>
    <message numerus="yes">
        <source> · %n repl(y/ies)</source>
        <translation>
            <numerusform> · %n reactie</numerusform>
            <numerusform> · %n reacties</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · not saved: %2</source>
        <translation>%1 · niet opgeslagen: %2</translation>
    </message>
    <message>
        <source> · edit waiting to be sent</source>
        <translation> · bewerking wacht op verzenden</translation>
    </message>
    <message>
        <source> · deletion waiting to be sent</source>
        <translation> · verwijdering wacht op verzenden</translation>
    </message>
    <message>
        <source> · like waiting to be sent</source>
        <translation> · vind-ik-leuk wacht op verzenden</translation>
    </message>
    <message>
        <source> · in %1</source>
        <translation> · in %1</translation>
    </message>
    <message>
        <source> · pinned</source>
        <translation> · vastgezet</translation>
    </message>
</context>
<context>
    <name>plein::app::ProblemText</name>
    <message>
        <source>Cannot reach the server at %1. Check your network connection; Plein keeps trying, and you can go on reading and writing offline.</source>
        <translation>De server op %1 is niet bereikbaar. Controleer je netwerkverbinding; Plein blijft het proberen en je kunt offline gewoon verder lezen en schrijven.</translation>
    </message>
    <message>
        <source>The username or password is not right. Try again.</source>
        <translation>De gebruikersnaam of het wachtwoord klopt niet. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Your saved session has ended (it expired, or you were signed out elsewhere). Log in again.</source>
        <translation>Je bewaarde sessie is beëindigd (verlopen, of je bent elders afgemeld). Log opnieuw in.</translation>
    </message>
    <message>
        <source>This account has been deactivated. Ask your administrator if you think this is a mistake.</source>
        <translation>Dit account is gedeactiveerd. Vraag je beheerder als je denkt dat dit een vergissing is.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate cannot be trusted, so Plein did not connect. Ask your administrator.</source>
        <translation>Het beveiligingscertificaat van de server is niet te vertrouwen, dus Plein heeft geen verbinding gemaakt. Vraag je beheerder.</translation>
    </message>
    <message>
        <source>This version of Plein cannot talk to the server: one of them needs an update. Ask your administrator.</source>
        <translation>Deze versie van Plein kan niet met de server praten: een van beide moet worden bijgewerkt. Vraag je beheerder.</translation>
    </message>
    <message>
        <source>The server refused the connection.</source>
        <translation>De server heeft de verbinding geweigerd.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>The offline copy on this computer was damaged. It was set aside and is being rebuilt from the server; posts that were not sent yet could not be saved.</source>
        <translation>De offline kopie op deze computer was beschadigd. Ze is apart gezet en wordt opnieuw opgebouwd vanaf de server; berichten die nog niet waren verzonden, konden niet worden bewaard.</translation>
    </message>
</context>
<context>
    <name>plein::app::ThreadPane</name>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Schrijf een reactie… (Ctrl+Enter verstuurt)</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Draad</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close the thread</source>
        <translation>De draad sluiten</translation>
    </message>
</context>
<context>
    <name>plein::app::TokenStore</name>
    <message>
        <source>No keyring is available, so you will be asked to log in next time (%1).</source>
        <translation>Er is geen sleutelbos beschikbaar, dus je moet de volgende keer opnieuw inloggen (%1).</translation>
    </message>
</context>
<context>
    <name>plein::client::Client</name>
    <message>
        <source>this client is open already</source>
        <translation>deze client is al geopend</translation>
    </message>
</context>
<context>
    <name>plein::client::Connection</name>
    <message>
        <source>log in to continue</source>
        <translation>log in om verder te gaan</translation>
    </message>
</context>
<context>
    <name>plein::client::Outbox</name>
    <message>
        <source>unknown kind of write</source>
        <translation>onbekend soort wijziging</translation>
    </message>
</context>
<context>
    <name>plein::client::Session</name>
    <message>
        <source>the connection was closed</source>
        <translation>de verbinding is verbroken</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>niet verbonden</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>de server antwoordde niet op tijd</translation>
    </message>
</context>
<context>
    <name>plein::client::SyncEngine</name>
    <message>
        <source>cannot store the events: %1</source>
        <translation>kan de gebeurtenissen niet opslaan: %1</translation>
    </message>
    <message>
        <source>cannot store the new cursor: %1</source>
        <translation>kan de nieuwe cursor niet opslaan: %1</translation>
    </message>
</context>
</TS>
