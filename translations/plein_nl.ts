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
</context>
<context>
    <name>plein::app::MainWindow</name>
    <message>
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Schrijf een reactie… (Ctrl+Enter verstuurt)</translation>
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
        <source>%1 replied to you</source>
        <translation>%1 reageerde op jou</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 noemde jou</translation>
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
        <source>Edit post</source>
        <translation>Bericht bewerken</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Tekst:</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
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
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 openen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>&amp;Plein</source>
        <translation>&amp;Plein</translation>
    </message>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;Nieuw bericht</translation>
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
    <message numerus="yes">
        <source>%n new post(s) — show</source>
        <translation>
            <numerusform>%n nieuw bericht — tonen</numerusform>
            <numerusform>%n nieuwe berichten — tonen</numerusform>
        </translation>
    </message>
    <message>
        <source>Try the change again</source>
        <translation>Wijziging opnieuw proberen</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Wijziging weggooien</translation>
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
        <source>cannot store the feed: %1</source>
        <translation>kan de tijdlijn niet opslaan: %1</translation>
    </message>
</context>
</TS>
