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
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message>
        <source>The offline cache cannot be opened: %1</source>
        <translation>De offline opslag kan niet worden geopend: %1</translation>
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
