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
        <source>Username.</source>
        <translation>Gebruikersnaam.</translation>
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
    <message>
        <source>Server address, such as plein.example.org.</source>
        <translation>Serveradres, bijvoorbeeld plein.example.org.</translation>
    </message>
    <message>
        <source>Folder for the offline caches and the settings instead of the default.</source>
        <translation>Map voor de offline kopieën en de instellingen in plaats van de standaardmap.</translation>
    </message>
    <message>
        <source>Appearance: light, dark, or system (the choice is remembered).</source>
        <translation>Weergave: light (licht), dark (donker) of system (de keuze wordt onthouden).</translation>
    </message>
    <message>
        <source>--theme takes light, dark or system.</source>
        <translation>--theme kent light, dark of system.</translation>
    </message>
    <message>
        <source>Start in the tray (minimised where there is no tray).</source>
        <translation>Start in het systeemvak (geminimaliseerd als er geen systeemvak is).</translation>
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
        <translation>%1 en %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n more</source>
        <translation>
            <numerusform>%1, %2 en nog %n</numerusform>
            <numerusform>%1, %2 en nog %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>%n min lezen</numerusform>
            <numerusform>%n min lezen</numerusform>
        </translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Niet gepubliceerd: %1</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Gepland voor %1</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Concept</translation>
    </message>
    <message>
        <source>Changed elsewhere: choose what to keep</source>
        <translation>Elders gewijzigd: kies wat je houdt</translation>
    </message>
    <message>
        <source>Not saved on the server: %1</source>
        <translation>Niet op de server bewaard: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bewaren…</translation>
    </message>
    <message>
        <source>Waiting to publish</source>
        <translation>Wacht op publiceren</translation>
    </message>
    <message>
        <source>Changes not sent yet</source>
        <translation>Wijzigingen nog niet verstuurd</translation>
    </message>
    <message>
        <source>Saved on this computer</source>
        <translation>Bewaard op deze computer</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Bewerken</translation>
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
            <numerusform>%n reactie</numerusform>
            <numerusform>%n reacties</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Artikel zonder titel</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n woord</numerusform>
            <numerusform>%n woorden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::ArticleEditor</name>
    <message>
        <source>&amp;Compare and choose…</source>
        <translation>&amp;Vergelijken en kiezen…</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publiceren</translation>
    </message>
    <message>
        <source>Publish &amp;now</source>
        <translation>&amp;Nu publiceren</translation>
    </message>
    <message>
        <source>&amp;Schedule…</source>
        <translation>&amp;Inplannen…</translation>
    </message>
    <message>
        <source>&amp;Cancel the schedule</source>
        <translation>Planning &amp;annuleren</translation>
    </message>
    <message>
        <source>Give the article a title to publish it.</source>
        <translation>Geef het artikel een titel om het te publiceren.</translation>
    </message>
    <message>
        <source>&amp;Update article</source>
        <translation>Artikel &amp;bijwerken</translation>
    </message>
    <message>
        <source>Send your changes: a new revision readers see</source>
        <translation>Verstuur je wijzigingen: een nieuwe versie die lezers zien</translation>
    </message>
    <message>
        <source>Discard the changes made here</source>
        <translation>De wijzigingen van hier weggooien</translation>
    </message>
    <message>
        <source>Discard the changes on this computer? What the server has stays.</source>
        <translation>De wijzigingen op deze computer weggooien? Wat de server heeft, blijft.</translation>
    </message>
    <message>
        <source>Discard this article? It was never saved on the server.</source>
        <translation>Dit artikel weggooien? Het is nooit op de server bewaard.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>A summary for the card in the feed (optional)</source>
        <translation>Een samenvatting voor de kaart in de tijdlijn (optioneel)</translation>
    </message>
    <message>
        <source>#topics, separated by spaces</source>
        <translation>#onderwerpen, gescheiden door spaties</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Vet</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Cursief</translation>
    </message>
    <message>
        <source>H</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Kop</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lijst</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Opsomming</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citaat</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Show the preview in place of the source (Ctrl+Shift+P)</source>
        <translation>Het voorbeeld tonen in plaats van de bron (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Write in Markdown: # heading, **bold**, _italic_, - list, &gt; quote, ```code```</source>
        <translation>Schrijf in Markdown: # kop, **vet**, _cursief_, - lijst, &gt; citaat, ```code```</translation>
    </message>
    <message>
        <source>Blog of %1</source>
        <translation>Blog van %1</translation>
    </message>
    <message>
        <source>Group blog</source>
        <translation>Groepsblog</translation>
    </message>
    <message>
        <source>Company blog</source>
        <translation>Bedrijfsblog</translation>
    </message>
    <message>
        <source>Preview only</source>
        <translation>Alleen voorbeeld</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n woord</numerusform>
            <numerusform>%n woorden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>nog %n teken</numerusform>
            <numerusform>nog %n tekens</numerusform>
        </translation>
    </message>
    <message>
        <source>This working copy is gone (published or discarded).</source>
        <translation>Deze werkversie is er niet meer (gepubliceerd of weggegooid).</translation>
    </message>
    <message>
        <source>Saved as a draft</source>
        <translation>Bewaard als concept</translation>
    </message>
    <message>
        <source>Offline: saved on this computer</source>
        <translation>Offline: bewaard op deze computer</translation>
    </message>
    <message>
        <source>Offline: publishes when you are online again</source>
        <translation>Offline: wordt gepubliceerd zodra je weer online bent</translation>
    </message>
    <message>
        <source>Saved on this computer; give it a title to save it as a draft</source>
        <translation>Bewaard op deze computer; geef het een titel om het als concept te bewaren</translation>
    </message>
    <message>
        <source>Schedule publishing</source>
        <translation>Publiceren inplannen</translation>
    </message>
    <message>
        <source>Publish at (the server publishes it, also while you are offline):</source>
        <translation>Publiceren op (de server publiceert het, ook als je offline bent):</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Inplannen</translation>
    </message>
    <message>
        <source>bold text</source>
        <translation>vette tekst</translation>
    </message>
    <message>
        <source>italic text</source>
        <translation>cursieve tekst</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>linktekst</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Only the article&apos;s owner chooses its co-authors</source>
        <translation>Alleen de eigenaar van het artikel kiest de mede-auteurs</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Niet gevonden: %1</translation>
    </message>
    <message numerus="yes">
        <source>At most %n co-author(s)</source>
        <translation>
            <numerusform>Hoogstens %n mede-auteur</numerusform>
            <numerusform>Hoogstens %n mede-auteurs</numerusform>
        </translation>
    </message>
    <message>
        <source>who may edit it too: @name @name</source>
        <translation>die het ook mogen bewerken: @naam @naam</translation>
    </message>
    <message>
        <source>Co-authors:</source>
        <translation>Mede-auteurs:</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Afbeelding kiezen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Choose a cover image</source>
        <translation>Kies een omslagafbeelding</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Cover:</source>
        <translation>Omslag:</translation>
    </message>
    <message>
        <source>Not used as the cover: %1</source>
        <translation>Niet als omslag gebruikt: %1</translation>
    </message>
    <message>
        <source>A cover can be chosen once the draft is saved on the server (it needs a title)</source>
        <translation>Een omslag kun je kiezen zodra het concept op de server is bewaard (het heeft een titel nodig)</translation>
    </message>
    <message>
        <source>once saved as a draft</source>
        <translation>zodra het als concept is bewaard</translation>
    </message>
    <message>
        <source>Taking the cover off…</source>
        <translation>De omslag wordt verwijderd…</translation>
    </message>
    <message>
        <source>The cover comes off when you are online again</source>
        <translation>De omslag wordt verwijderd zodra je weer online bent</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Niet verstuurd: %1</translation>
    </message>
    <message>
        <source>%1: sent when you are online again</source>
        <translation>%1: wordt verstuurd zodra je weer online bent</translation>
    </message>
    <message>
        <source>Sending %1… %2%</source>
        <translation>%1 wordt verstuurd… %2%</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
</context>
<context>
    <name>plein::app::ArticlePage</name>
    <message>
        <source>Contents</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bewerken</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>Niet reageren</translation>
    </message>
    <message>
        <source>Write a comment… (@name mentions someone)</source>
        <translation>Schrijf een reactie… (@naam noemt iemand)</translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation>&amp;Reageren</translation>
    </message>
    <message>
        <source>This article does not exist (any more), or it is not yours to read.</source>
        <translation>Dit artikel bestaat niet (meer), of is niet voor jou.</translation>
    </message>
    <message>
        <source>Loading the article…</source>
        <translation>Het artikel wordt gelezen…</translation>
    </message>
    <message>
        <source>edited %1</source>
        <translation>bewerkt %1</translation>
    </message>
    <message>
        <source>Loading the text…</source>
        <translation>De tekst wordt gelezen…</translation>
    </message>
    <message>
        <source>The text is read when you are online again.</source>
        <translation>De tekst wordt gelezen zodra je weer online bent.</translation>
    </message>
    <message>
        <source>Like (%1)</source>
        <translation>Leuk (%1)</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Leuk</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Reactie op %1</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>niet verstuurd: %1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>versturen…</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bewerkt</translation>
    </message>
    <message>
        <source>This comment was deleted.</source>
        <translation>Deze reactie is verwijderd.</translation>
    </message>
    <message>
        <source>Take your like back</source>
        <translation>Je like terugnemen</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reageren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Reacties (%1)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Reacties</translation>
    </message>
    <message>
        <source>Delete article</source>
        <translation>Artikel verwijderen</translation>
    </message>
    <message>
        <source>Delete “%1” with its revisions and comments? This cannot be undone.</source>
        <translation>“%1” verwijderen met zijn versies en reacties? Dit kan niet ongedaan worden.</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Geschiedenis</translation>
    </message>
    <message>
        <source>Every revision: who changed what, and restoring an old one</source>
        <translation>Elke versie: wie wat veranderde, en een oude terugzetten</translation>
    </message>
    <message>
        <source>More by %1</source>
        <translation>Meer van %1</translation>
    </message>
    <message>
        <source>A newer version of this article is being read…</source>
        <translation>Een nieuwere versie van dit artikel wordt opgehaald…</translation>
    </message>
    <message>
        <source>This is an older version of the article; the newest is read when you are online again.</source>
        <translation>Dit is een oudere versie van het artikel; de nieuwste wordt opgehaald zodra je weer online bent.</translation>
    </message>
    <message>
        <source>Editing your comment</source>
        <translation>Je reactie bewerken</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Bewerken annuleren</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Bewaren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
</context>
<context>
    <name>plein::app::AttachmentChip</name>
    <message>
        <source>Remove %1</source>
        <translation>%1 weghalen</translation>
    </message>
</context>
<context>
    <name>plein::app::AttachmentTray</name>
    <message>
        <source>Attach files</source>
        <translation>Bestanden bijvoegen</translation>
    </message>
    <message>
        <source>“%1” is a folder: attach the files in it instead.</source>
        <translation>‘%1’ is een map: voeg de bestanden erin toe.</translation>
    </message>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>‘%1’ kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>“%1” is empty.</source>
        <translation>‘%1’ is leeg.</translation>
    </message>
    <message>
        <source>“%1” is too large (%2): files may be at most %3.</source>
        <translation>‘%1’ is te groot (%2): bestanden mogen hoogstens %3 zijn.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n files can go with one post or message.</source>
        <translation>
            <numerusform>Er kan hoogstens %n bestand bij één bericht.</numerusform>
            <numerusform>Er kunnen hoogstens %n bestanden bij één bericht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>De geplakte afbeelding kon niet worden bewaard.</translation>
    </message>
    <message>
        <source>Pasted image %1</source>
        <translation>Geplakte afbeelding %1</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+U)</source>
        <translation>Bestanden bijvoegen (Ctrl+U)</translation>
    </message>
</context>
<context>
    <name>plein::app::BlogPage</name>
    <message>
        <source>Blog of %1</source>
        <translation>Blog van %1</translation>
    </message>
    <message>
        <source>Group blog</source>
        <translation>Groepsblog</translation>
    </message>
    <message>
        <source>Blogs</source>
        <translation>Blogs</translation>
    </message>
    <message>
        <source>&amp;Write an article</source>
        <translation>Artikel &amp;schrijven</translation>
    </message>
    <message>
        <source>Company blog</source>
        <translation>Bedrijfsblog</translation>
    </message>
    <message>
        <source>All blogs</source>
        <translation>Alle blogs</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>Mijn concepten</translation>
    </message>
    <message>
        <source>No drafts
What you write is saved here as you type, also offline.</source>
        <translation>Geen concepten
Wat je schrijft wordt hier bewaard terwijl je typt, ook offline.</translation>
    </message>
    <message>
        <source>No articles yet
Write the first one: long-form posts with a table of contents, comments and revisions.</source>
        <translation>Nog geen artikelen
Schrijf het eerste: lange stukken met een inhoudsopgave, reacties en versies.</translation>
    </message>
    <message>
        <source>Articles by %1</source>
        <translation>Artikelen van %1</translation>
    </message>
    <message>
        <source>No articles you can read yet</source>
        <translation>Nog geen artikelen die je kunt lezen</translation>
    </message>
</context>
<context>
    <name>plein::app::BlogStrip</name>
    <message>
        <source>New in the group&apos;s blog</source>
        <translation>Nieuw in het blog van de groep</translation>
    </message>
    <message>
        <source>New in the blogs</source>
        <translation>Nieuw in de blogs</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Alle artikelen</translation>
    </message>
    <message>
        <source>All blogs</source>
        <translation>Alle blogs</translation>
    </message>
    <message>
        <source>Hide these articles; a new one shows here again</source>
        <translation>Deze artikelen verbergen; een nieuw artikel verschijnt hier weer</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
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
        <translation>Nieuw &amp;artikel</translation>
    </message>
    <message>
        <source>%1 mentioned you in a comment on “%2”</source>
        <translation>%1 noemde je in een reactie op “%2”</translation>
    </message>
    <message>
        <source>%1 commented on “%2”</source>
        <translation>%1 reageerde op “%2”</translation>
    </message>
    <message>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <source>this colleague</source>
        <translation>deze collega</translation>
    </message>
    <message>
        <source>Only the authors of “%1” edit it.</source>
        <translation>Alleen de auteurs van “%1” bewerken het.</translation>
    </message>
</context>
<context>
    <name>plein::app::CharacterCounter</name>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n teken te veel</numerusform>
            <numerusform>%n tekens te veel</numerusform>
        </translation>
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
    <name>plein::app::ChatCapability</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>New conversation…</source>
        <translation>Nieuw gesprek…</translation>
    </message>
    <message>
        <source>New &amp;conversation…</source>
        <translation>Nieuw &amp;gesprek…</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>Send &amp;typing indicators</source>
        <translation>Laten zien dat je &amp;typt</translation>
    </message>
    <message>
        <source>Others see “typing…” while you write to them</source>
        <translation>Anderen zien ‘typt…’ terwijl je hun schrijft</translation>
    </message>
    <message>
        <source>Share &amp;read receipts</source>
        <translation>&amp;Leesbevestigingen delen</translation>
    </message>
    <message>
        <source>Others see when you read their messages, and you see when they read yours; off, neither</source>
        <translation>Anderen zien wanneer je hun berichten leest en jij ziet wanneer zij de jouwe lezen; uit: geen van beide</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Het bericht versturen</translation>
    </message>
    <message>
        <source>Start a new line in the message</source>
        <translation>Een nieuwe regel beginnen in het bericht</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty composer)</source>
        <translation>Je laatste bericht bewerken (in een leeg invoerveld)</translation>
    </message>
    <message>
        <source>Cancel the reply or the edit</source>
        <translation>Het antwoord of de bewerking annuleren</translation>
    </message>
    <message>
        <source>Reply to the message</source>
        <translation>Op het bericht antwoorden</translation>
    </message>
    <message>
        <source>Edit your message</source>
        <translation>Je bericht bewerken</translation>
    </message>
    <message>
        <source>Delete your message</source>
        <translation>Je bericht verwijderen</translation>
    </message>
    <message>
        <source>Copy the message&apos;s text</source>
        <translation>De tekst van het bericht kopiëren</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 noemde je</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 noemde je in %2</translation>
    </message>
    <message>
        <source>%1 replied to you</source>
        <translation>%1 antwoordde je</translation>
    </message>
    <message>
        <source>%1 replied to you in %2</source>
        <translation>%1 antwoordde je in %2</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n file(s): %1</source>
        <translation>
            <numerusform>%n bestand gestuurd: %1</numerusform>
            <numerusform>%n bestanden gestuurd: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::ChatComposer</name>
    <message>
        <source>Write a message…</source>
        <translation>Schrijf een bericht…</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Versturen (Enter)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Enter sends · Shift+Enter for a new line · Markdown</source>
        <translation>Enter verstuurt · Shift+Enter voor een nieuwe regel · Markdown</translation>
    </message>
    <message>
        <source>Cancel (Escape)</source>
        <translation>Annuleren (Escape)</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Je bericht bewerken</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Antwoord aan %1</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwoord aan %1: %2</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Opslaan (Enter)</translation>
    </message>
</context>
<context>
    <name>plein::app::ChatTexts</name>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gisteren</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 typt…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 en %2 typen…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Meerdere mensen typen…</translation>
    </message>
    <message>
        <source>Seen by %1</source>
        <translation>Gezien door %1</translation>
    </message>
    <message>
        <source>Seen by %1 and %2</source>
        <translation>Gezien door %1 en %2</translation>
    </message>
    <message>
        <source>Seen by %1, %2 and %3</source>
        <translation>Gezien door %1, %2 en %3</translation>
    </message>
    <message numerus="yes">
        <source>Seen by %1, %2 and %n other(s)</source>
        <translation>
            <numerusform>Gezien door %1, %2 en %n ander</numerusform>
            <numerusform>Gezien door %1, %2 en %n anderen</numerusform>
        </translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Privébericht</translation>
    </message>
    <message numerus="yes">
        <source>Chat of the group · %n member(s)</source>
        <translation>
            <numerusform>Chat van de groep · %n lid</numerusform>
            <numerusform>Chat van de groep · %n leden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n lid</numerusform>
            <numerusform>%n leden</numerusform>
        </translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Jij: %1</translation>
    </message>
    <message>
        <source>Thumbs up</source>
        <translation>Duim omhoog</translation>
    </message>
    <message>
        <source>Heart</source>
        <translation>Hartje</translation>
    </message>
    <message>
        <source>Laughing</source>
        <translation>Lachen</translation>
    </message>
    <message>
        <source>Celebrate</source>
        <translation>Feest</translation>
    </message>
    <message>
        <source>Surprised</source>
        <translation>Verrast</translation>
    </message>
    <message>
        <source>Sad</source>
        <translation>Verdrietig</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Dank je</translation>
    </message>
    <message>
        <source>Looking</source>
        <translation>Ik kijk ernaar</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gezien</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Afwezig</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Niet storen</translation>
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
        <translation>Gekopieerd</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
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
</context>
<context>
    <name>plein::app::ConflictDialog</name>
    <message>
        <source>Choose what to keep</source>
        <translation>Kies wat je houdt</translation>
    </message>
    <message>
        <source>While you were writing, a newer version was saved (revision %1, %2). The changes that do not overlap are merged below. Where you both changed the same part, choose what to keep. Nothing is sent until you use the text.</source>
        <translation>Terwijl je schreef, is een nieuwere versie bewaard (versie %1, %2). De wijzigingen die elkaar niet raken zijn hieronder samengevoegd. Waar jullie allebei hetzelfde deel wijzigden, kies je wat je houdt. Er wordt niets verstuurd tot je de tekst gebruikt.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>%1, part %2 of %3</source>
        <translation>%1, deel %2 van %3</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Eerst</translation>
    </message>
    <message>
        <source>Theirs (on the server)</source>
        <translation>Van de ander (op de server)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Van jou</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Die van de ander</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Allebei</translation>
    </message>
    <message>
        <source>Keep yours</source>
        <translation>Die van jou</translation>
    </message>
    <message>
        <source>You changed different parts: everything is merged.</source>
        <translation>Jullie wijzigden verschillende delen: alles is samengevoegd.</translation>
    </message>
    <message>
        <source>The text to use (you can still change it)</source>
        <translation>De tekst die je gebruikt (je kunt hem nog aanpassen)</translation>
    </message>
    <message>
        <source>Summary (optional)</source>
        <translation>Samenvatting (optioneel)</translation>
    </message>
    <message>
        <source>&amp;Use this text</source>
        <translation>Deze tekst &amp;gebruiken</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>&amp;Later beslissen</translation>
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
    <message>
        <source>Reconnect now</source>
        <translation>Nu opnieuw verbinden</translation>
    </message>
    <message numerus="yes">
        <source> · %n refused</source>
        <translation>
            <numerusform> · %n geweigerd</numerusform>
            <numerusform>· %n geweigerd</numerusform>
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
        <translation>Hernoemen</translation>
    </message>
    <message>
        <source>Only the creator adds or removes members</source>
        <translation>Alleen wie het gesprek begon voegt leden toe of haalt ze weg</translation>
    </message>
    <message>
        <source>Mute (mentions still notify)</source>
        <translation>Dempen (vermeldingen melden nog wel)</translation>
    </message>
    <message>
        <source>Add people…</source>
        <translation>Mensen toevoegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <source>Leave conversation</source>
        <translation>Gesprek verlaten</translation>
    </message>
    <message>
        <source>Open the group</source>
        <translation>Naar de groep</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Sluiten (Escape)</translation>
    </message>
    <message>
        <source>A name for the conversation</source>
        <translation>Een naam voor het gesprek</translation>
    </message>
    <message>
        <source>This conversation is not known here.</source>
        <translation>Dit gesprek is hier niet bekend.</translation>
    </message>
    <message>
        <source>A conversation between the two of you.</source>
        <translation>Een gesprek tussen jullie tweeën.</translation>
    </message>
    <message>
        <source>A conversation of named people.</source>
        <translation>Een gesprek met gekozen mensen.</translation>
    </message>
    <message>
        <source>The chat of the group %1: its members are the group&apos;s members, and change with them.</source>
        <translation>De chat van de groep %1: de leden zijn de leden van de groep en veranderen mee.</translation>
    </message>
    <message>
        <source>Only the creator changes this.</source>
        <translation>Alleen wie het gesprek begon kan dit veranderen.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n lid</numerusform>
            <numerusform>%n leden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (jij)</translation>
    </message>
    <message>
        <source>Only the person who started this conversation adds or removes members.</source>
        <translation>Alleen wie dit gesprek begon voegt leden toe of haalt ze weg.</translation>
    </message>
    <message>
        <source>Add people to %1</source>
        <translation>Mensen toevoegen aan %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Leave the conversation?</source>
        <translation>Het gesprek verlaten?</translation>
    </message>
    <message>
        <source>You no longer receive its messages, and can come back only if a member adds you again.</source>
        <translation>Je krijgt de berichten niet meer en komt alleen terug als een lid je weer toevoegt.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlaten</translation>
    </message>
</context>
<context>
    <name>plein::app::ConversationListPage</name>
    <message>
        <source>New conversation…</source>
        <translation>Nieuw gesprek…</translation>
    </message>
    <message>
        <source>Find a conversation</source>
        <translation>Zoek een gesprek</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>Nog geen gesprekken</translation>
    </message>
    <message>
        <source>Write to a colleague, or to several at once. Every group has a chat too: open it from the group&apos;s page.</source>
        <translation>Schrijf een collega, of meerdere tegelijk. Elke groep heeft ook een chat: open die vanaf de pagina van de groep.</translation>
    </message>
    <message>
        <source>Start a conversation</source>
        <translation>Begin een gesprek</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>Geen gesprek past bij ‘%1’.</translation>
    </message>
</context>
<context>
    <name>plein::app::ConversationPage</name>
    <message>
        <source>Jump to first unread</source>
        <translation>Naar het eerste ongelezen bericht</translation>
    </message>
    <message>
        <source>Members and details</source>
        <translation>Leden en details</translation>
    </message>
    <message>
        <source>Conversation not found</source>
        <translation>Gesprek niet gevonden</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Het gesprek wordt geladen…</translation>
    </message>
    <message>
        <source>It does not exist, or you are not one of its members.</source>
        <translation>Het bestaat niet, of je bent geen lid.</translation>
    </message>
    <message>
        <source>Muted: no notifications but mentions. Click to unmute.</source>
        <translation>Gedempt: alleen meldingen als je genoemd wordt. Klik om het dempen op te heffen.</translation>
    </message>
    <message>
        <source>Mute: no notifications from this conversation but mentions</source>
        <translation>Dempen: geen meldingen van dit gesprek, behalve als je genoemd wordt</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Dempen opheffen</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Dempen</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Bericht aan %1</translation>
    </message>
    <message>
        <source>Connect to read earlier messages.</source>
        <translation>Maak verbinding om eerdere berichten te lezen.</translation>
    </message>
    <message>
        <source>Loading earlier messages…</source>
        <translation>Eerdere berichten worden geladen…</translation>
    </message>
    <message>
        <source>Conversation not found
It does not exist, or you are not one of its members.</source>
        <translation>Gesprek niet gevonden
Het bestaat niet, of je bent geen lid.</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>Berichten worden geladen…</translation>
    </message>
    <message>
        <source>Connect to read earlier messages
Plein has not read this conversation yet. What you write now is sent once you are online.</source>
        <translation>Maak verbinding om eerdere berichten te lezen
Plein heeft dit gesprek nog niet gelezen. Wat je nu schrijft, gaat weg zodra je online bent.</translation>
    </message>
    <message>
        <source>No messages yet
Say hello to %1.</source>
        <translation>Nog geen berichten
Zeg hallo tegen %1.</translation>
    </message>
    <message>
        <source>No messages yet
Write the first one below.</source>
        <translation>Nog geen berichten
Schrijf hieronder het eerste.</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Iemand</translation>
    </message>
</context>
<context>
    <name>plein::app::CoverImage</name>
    <message>
        <source>Cover image: %1</source>
        <translation>Omslagafbeelding: %1</translation>
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
    <name>plein::app::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message numerus="yes">
        <source>While you were in do-not-disturb: %n notification(s)</source>
        <translation>
            <numerusform>Terwijl je op niet storen stond: %n melding</numerusform>
            <numerusform>Terwijl je op niet storen stond: %n meldingen</numerusform>
        </translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Schrijf een antwoord…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
</context>
<context>
    <name>plein::app::DoNotDisturb</name>
    <message>
        <source>Do not disturb until you turn it off</source>
        <translation>Niet storen tot je het uitzet</translation>
    </message>
    <message>
        <source>Do not disturb until %1</source>
        <translation>Niet storen tot %1</translation>
    </message>
    <message>
        <source>Do not disturb until tomorrow %1</source>
        <translation>Niet storen tot morgen %1</translation>
    </message>
    <message>
        <source>Do not disturb until %1 %2</source>
        <translation>Niet storen tot %1 %2</translation>
    </message>
</context>
<context>
    <name>plein::app::DoNotDisturbMenu</name>
    <message>
        <source>Do not disturb</source>
        <translation>Niet storen</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>1 uur</translation>
    </message>
    <message>
        <source>Until I turn it off</source>
        <translation>Tot ik het uitzet</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Uitzetten</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Schema…</translation>
    </message>
    <message>
        <source>Pause notifications</source>
        <translation>Meldingen pauzeren</translation>
    </message>
    <message>
        <source>Until tomorrow, %1</source>
        <translation>Tot morgen, %1</translation>
    </message>
</context>
<context>
    <name>plein::app::EditProfileDialog</name>
    <message>
        <source>Edit profile</source>
        <translation>Profiel bewerken</translation>
    </message>
    <message>
        <source>+31 118 620 101</source>
        <translation>+31 118 620 101</translation>
    </message>
    <message>
        <source>What you do</source>
        <translation>Wat je doet</translation>
    </message>
    <message>
        <source>Where you usually work</source>
        <translation>Waar je meestal werkt</translation>
    </message>
    <message>
        <source>A few words about yourself and your work</source>
        <translation>Een paar woorden over jezelf en je werk</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. dijkbeheer, GIS</source>
        <translation>Gescheiden door komma&apos;s, bijv. dijkbeheer, GIS</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. hardlopen, fotografie</source>
        <translation>Gescheiden door komma&apos;s, bijv. hardlopen, fotografie</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <source>Job title:</source>
        <translation>Functie:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Afdeling:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Locatie:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefoon:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>Over:</translation>
    </message>
    <message>
        <source>Expertise:</source>
        <translation>Expertise:</translation>
    </message>
    <message>
        <source>Interests:</source>
        <translation>Interesses:</translation>
    </message>
    <message>
        <source>A name is needed.</source>
        <translation>Een naam is nodig.</translation>
    </message>
    <message>
        <source>A phone number holds digits, spaces and + ( ) - . / only.</source>
        <translation>Een telefoonnummer bevat alleen cijfers, spaties en + ( ) - . /.</translation>
    </message>
    <message>
        <source>“About” can have at most %1 characters.</source>
        <translation>„Over” mag hoogstens %1 tekens hebben.</translation>
    </message>
    <message>
        <source>At most %1 tags each for expertise and interests.</source>
        <translation>Hoogstens %1 tags elk voor expertise en interesses.</translation>
    </message>
    <message>
        <source>A tag has at most %1 characters and no “#”: “%2”.</source>
        <translation>Een tag heeft hoogstens %1 tekens en geen „#”: „%2”.</translation>
    </message>
    <message>
        <source>Remove the invisible characters (such as text direction marks): they are not allowed in a profile.</source>
        <translation>Haal de onzichtbare tekens (zoals tekens voor de leesrichting) weg: die mogen niet in een profiel.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <source>A PNG, JPEG, GIF or WebP image; a square one shows best</source>
        <translation>Een PNG-, JPEG-, GIF- of WebP-afbeelding; een vierkante komt het best uit</translation>
    </message>
    <message>
        <source>Photo:</source>
        <translation>Foto:</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>%1 is too large for a photo: at most %2.</source>
        <translation>%1 is te groot voor een foto: hoogstens %2.</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG, GIF or WebP image.</source>
        <translation>%1 is geen PNG-, JPEG-, GIF- of WebP-afbeelding.</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Kies een foto</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg *.gif *.webp);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>No photo: your initials show</source>
        <translation>Geen foto: je initialen worden getoond</translation>
    </message>
    <message>
        <source>The change could not be stored on this computer (%1). Try again.</source>
        <translation>De wijziging kon niet op deze computer worden bewaard (%1). Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>%1 has too many pixels for a photo (%2 × %3): at most 50 million.</source>
        <translation>%1 heeft te veel pixels voor een foto (%2 × %3): hoogstens 50 miljoen.</translation>
    </message>
</context>
<context>
    <name>plein::app::ErrorText</name>
    <message>
        <source>Plein and the server did not understand each other. Updating Plein may help; if not, tell your administrator.</source>
        <translation>Plein en de server begrepen elkaar niet. Plein bijwerken helpt misschien; zo niet, laat het je beheerder weten.</translation>
    </message>
    <message>
        <source>You are no longer logged in. Log in again and try once more.</source>
        <translation>Je bent niet meer ingelogd. Log opnieuw in en probeer het nog eens.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: it belongs to someone else, or the group&apos;s rules do not allow it.</source>
        <translation>Dit mag je niet doen: het is van iemand anders, of de regels van de groep staan het niet toe.</translation>
    </message>
    <message>
        <source>This is no longer there: it was deleted, or you can no longer see it.</source>
        <translation>Dit bestaat niet meer: het is verwijderd, of je kunt het niet meer zien.</translation>
    </message>
    <message>
        <source>This clashed with another change. Try again.</source>
        <translation>Dit botste met een andere wijziging. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This is too long. Make it shorter and try again.</source>
        <translation>Dit is te lang. Maak het korter en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Too many attempts in a short time. Wait a minute and try again.</source>
        <translation>Te veel pogingen in korte tijd. Wacht een minuut en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The server is busy or restarting. Try again in a moment.</source>
        <translation>De server is druk of start opnieuw op. Probeer het zo meteen opnieuw.</translation>
    </message>
    <message>
        <source>Something went wrong on the server, and nothing was changed. Try again later; if it keeps happening, tell your administrator.</source>
        <translation>Er ging iets mis op de server en er is niets gewijzigd. Probeer het later opnieuw; blijft het gebeuren, laat het dan je beheerder weten.</translation>
    </message>
    <message>
        <source>The server refused this. Try again later, or ask your administrator.</source>
        <translation>De server weigerde dit. Probeer het later opnieuw of vraag het je beheerder.</translation>
    </message>
    <message>
        <source>Your files take all the space the organisation gives you. Remove the file, or ask your administrator for more.</source>
        <translation>Je bestanden nemen alle ruimte in die de organisatie je geeft. Haal het bestand weg, of vraag je beheerder om meer.</translation>
    </message>
    <message>
        <source>A file is larger than the server accepts. Remove it, or share a smaller one.</source>
        <translation>Een bestand is groter dan de server aanneemt. Haal het weg, of deel een kleiner bestand.</translation>
    </message>
    <message>
        <source>An attached file is no longer as it was when you attached it. Attach it again.</source>
        <translation>Een bijgevoegd bestand is niet meer zoals toen je het bijvoegde. Voeg het opnieuw toe.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime. Compare the two versions before you save yours.</source>
        <translation>Iemand anders heeft dit intussen gewijzigd. Vergelijk de twee versies voordat je de jouwe opslaat.</translation>
    </message>
    <message>
        <source>This no longer takes questions or votes: it has ended.</source>
        <translation>Dit neemt geen vragen of stemmen meer aan: het is afgelopen.</translation>
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
    <message numerus="yes">
        <source>Shared %n file(s): %1</source>
        <translation>
            <numerusform>%n bestand gedeeld: %1</numerusform>
            <numerusform>%n bestanden gedeeld: %1</numerusform>
        </translation>
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
    <message>
        <source>No posts yet
Write the first one above: a question, news, a thank-you to a colleague.</source>
        <translation>Nog geen berichten
Schrijf hierboven het eerste: een vraag, nieuws, een bedankje aan een collega.</translation>
    </message>
</context>
<context>
    <name>plein::app::FileActions</name>
    <message>
        <source>The image could not be loaded.</source>
        <translation>De afbeelding kon niet worden geladen.</translation>
    </message>
    <message>
        <source>No program on this computer opens “%1”.</source>
        <translation>Geen programma op deze computer opent ‘%1’.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Bewaard als %1</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Opslaan als</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Bekijken</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Open a program?</source>
        <translation>Een programma openen?</translation>
    </message>
    <message>
        <source>“%1” is a program or script: opening it runs it on this computer, with your rights.</source>
        <translation>‘%1’ is een programma of script: openen voert het uit op deze computer, met jouw rechten.</translation>
    </message>
    <message>
        <source>Only open it if you know who made it and expected it. Save as… keeps it without running it.</source>
        <translation>Open het alleen als je weet wie het gemaakt heeft en je het verwachtte. Met Opslaan als… bewaar je het zonder het uit te voeren.</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>Toch openen</translation>
    </message>
</context>
<context>
    <name>plein::app::FileSettingsDialog</name>
    <message>
        <source>C&amp;lear cache</source>
        <translation>Cache &amp;legen</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Size of the file cache</source>
        <translation>Grootte van de bestandscache</translation>
    </message>
    <message>
        <source>Images and files you have seen in posts and chats are kept on this computer, so they show at once and offline. When they take more than this, the ones seen longest ago go first.</source>
        <translation>Afbeeldingen en bestanden die je in berichten en chats hebt gezien worden op deze computer bewaard, zodat ze meteen en ook offline verschijnen. Nemen ze meer ruimte in dan dit, dan gaan die je het langst geleden zag het eerst weg.</translation>
    </message>
    <message>
        <source>Removes the files kept on this computer; they are fetched again when they are shown</source>
        <translation>Haalt de bewaarde bestanden van deze computer weg; ze worden opnieuw opgehaald als ze getoond worden</translation>
    </message>
    <message>
        <source>&amp;Cache size:</source>
        <translation>&amp;Grootte van de cache:</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>In gebruik:</translation>
    </message>
</context>
<context>
    <name>plein::app::FilesCapability</name>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Het bestand kon niet worden bewaard: %1</translation>
    </message>
    <message>
        <source>&amp;Files…</source>
        <translation>&amp;Bestanden…</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Bestanden bijvoegen</translation>
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
    <message>
        <source>You are the group&apos;s last owner: make someone else an owner before you leave.</source>
        <translation>Je bent de laatste eigenaar van de groep: maak eerst iemand anders eigenaar voordat je vertrekt.</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Een bericht sturen</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Open the chat of the group&apos;s members</source>
        <translation>De chat van de leden van de groep openen</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>Profiel bekijken</translation>
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
    <name>plein::app::Header</name>
    <message>
        <source>Show the sidebar</source>
        <translation>Zijbalk tonen</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Logged in as %1 (%2 on %3)</source>
        <translation>Ingelogd als %1 (%2 op %3)</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Account: %1</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread</source>
        <translation>
            <numerusform>Meldingen: %n ongelezen</numerusform>
            <numerusform>Meldingen: %n ongelezen</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
</context>
<context>
    <name>plein::app::HistoryPage</name>
    <message>
        <source>published by %1</source>
        <translation>gepubliceerd door %1</translation>
    </message>
    <message>
        <source>revision %1 restored by %2</source>
        <translation>versie %1 teruggezet door %2</translation>
    </message>
    <message>
        <source>edited by %1</source>
        <translation>bewerkt door %1</translation>
    </message>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n ongewijzigde regel</numerusform>
            <numerusform>⋯ %n ongewijzigde regels</numerusform>
        </translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation>Terug naar het artikel</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Versies</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>&amp;Restore this revision</source>
        <translation>Deze versie &amp;terugzetten</translation>
    </message>
    <message>
        <source>Makes this revision&apos;s text the newest revision; the revisions after it stay in the history</source>
        <translation>Maakt de tekst van deze versie de nieuwste versie; de versies erna blijven in de geschiedenis</translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation>Geschiedenis van “%1”</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>The history is read from the server when you are online again.</source>
        <translation>De geschiedenis wordt van de server gelezen zodra je weer online bent.</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>De geschiedenis wordt gelezen…</translation>
    </message>
    <message>
        <source>This article does not exist (any more), or it is not yours to read.</source>
        <translation>Dit artikel bestaat niet (meer), of is niet voor jou.</translation>
    </message>
    <message>
        <source>This article has no revisions yet: they are kept from its first publication on.</source>
        <translation>Dit artikel heeft nog geen versies: die worden bewaard vanaf de eerste publicatie.</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Versie %1</translation>
    </message>
    <message>
        <source>current</source>
        <translation>huidig</translation>
    </message>
    <message>
        <source>Reading the texts…</source>
        <translation>De teksten worden gelezen…</translation>
    </message>
    <message>
        <source>against revision %1</source>
        <translation>ten opzichte van versie %1</translation>
    </message>
    <message>
        <source>the first kept revision</source>
        <translation>de eerste bewaarde versie</translation>
    </message>
    <message>
        <source>the text is unchanged</source>
        <translation>de tekst is niet veranderd</translation>
    </message>
    <message>
        <source>%1 added, %2 removed</source>
        <translation>%1 toegevoegd, %2 verwijderd</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n regel</numerusform>
            <numerusform>%n regels</numerusform>
        </translation>
    </message>
    <message>
        <source>title: “%1” → “%2”</source>
        <translation>titel: “%1” → “%2”</translation>
    </message>
    <message>
        <source>summary removed</source>
        <translation>samenvatting verwijderd</translation>
    </message>
    <message>
        <source>summary: “%1”</source>
        <translation>samenvatting: “%1”</translation>
    </message>
    <message>
        <source>topics: %1</source>
        <translation>onderwerpen: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Restore revision</source>
        <translation>Versie terugzetten</translation>
    </message>
    <message>
        <source>Make the text of revision %1 the newest revision? Revision %2 and the ones before it stay in the history.</source>
        <translation>De tekst van versie %1 de nieuwste versie maken? Versie %2 en die ervoor blijven in de geschiedenis.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Terugzetten</translation>
    </message>
</context>
<context>
    <name>plein::app::ImageViewer</name>
    <message>
        <source>Previous image (Left)</source>
        <translation>Vorige afbeelding (Links)</translation>
    </message>
    <message>
        <source>Next image (Right)</source>
        <translation>Volgende afbeelding (Rechts)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Uitzoomen (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Inzoomen (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>Passend in het venster (Ctrl+0)</translation>
    </message>
    <message>
        <source>Actual size, 100 % (Ctrl+1)</source>
        <translation>Ware grootte, 100 % (Ctrl+1)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Open with the desktop&apos;s app</source>
        <translation>Openen met de app van je bureaublad</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Sluiten (Escape)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Afbeelding</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
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
        <translation>Laden…</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>en nog %n</numerusform>
            <numerusform>en nog %n</numerusform>
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
        <source>Keeps a session token in the system keyring; your password is never stored.</source>
        <translation>Bewaart een sessiesleutel in de sleutelbos van het systeem; je wachtwoord wordt nooit opgeslagen.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Open offline</source>
        <translation>Offline openen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>plein.example.org</source>
        <translation>plein.example.org</translation>
    </message>
    <message>
        <source>Your username</source>
        <translation>Je gebruikersnaam</translation>
    </message>
    <message>
        <source>Read and write in the copy on this computer; Plein sends what you write once the server can be reached.</source>
        <translation>Lees en schrijf in de kopie op deze computer; Plein verstuurt wat je schrijft zodra de server bereikbaar is.</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Your organisation&apos;s town square. Use the account your organisation gave you.</source>
        <translation>Het dorpsplein van je organisatie. Gebruik het account dat je van je organisatie hebt gekregen.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Vul je gebruikersnaam in.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Vul je wachtwoord in.</translation>
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
        <source>No system keyring is available, so Plein cannot remember you and stores nothing: you will log in next time again. (%1)</source>
        <translation>Er is geen sleutelbos van het systeem beschikbaar. Plein kan je daarom niet onthouden en slaat niets op: de volgende keer log je opnieuw in. (%1)</translation>
    </message>
    <message>
        <source>The offline copy on this computer is damaged. Plein will set it aside and fetch everything again from the server at the next start; nothing you wrote is lost.</source>
        <translation>De offline kopie op deze computer is beschadigd. Plein zet haar bij de volgende start opzij en haalt alles opnieuw op van de server; niets wat je schreef gaat verloren.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinden met %1…</translation>
    </message>
    <message>
        <source>The offline copy on this computer cannot be opened: %1</source>
        <translation>De offline kopie op deze computer kan niet worden geopend: %1</translation>
    </message>
    <message>
        <source>Switch to this account</source>
        <translation>Naar dit account overschakelen</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Account toevoegen…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Uitloggen</translation>
    </message>
    <message>
        <source>Log in as %1 to switch to this account.</source>
        <translation>Log in als %1 om naar dit account over te schakelen.</translation>
    </message>
    <message>
        <source>Add another account, on this server or another one. Switch between your accounts in the account menu.</source>
        <translation>Voeg nog een account toe, op deze server of een andere. Wissel tussen je accounts via het accountmenu.</translation>
    </message>
    <message>
        <source>Log out of %1?</source>
        <translation>Uitloggen bij %1?</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) you made have not been sent yet. They stay on this computer and are sent when you log in again, unless you remove the offline copy.</source>
        <translation>
            <numerusform>%n wijziging die je hebt gemaakt is nog niet verstuurd. Die blijft op deze computer en wordt verstuurd zodra je weer inlogt, tenzij je de offline kopie verwijdert.</numerusform>
            <numerusform>%n wijzigingen die je hebt gemaakt zijn nog niet verstuurd. Ze blijven op deze computer en worden verstuurd zodra je weer inlogt, tenzij je de offline kopie verwijdert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plein forgets your session on this computer. The offline copy stays unless you remove it, so logging in again is quick.</source>
        <translation>Plein vergeet je sessie op deze computer. De offline kopie blijft staan tenzij je die verwijdert, zodat opnieuw inloggen snel gaat.</translation>
    </message>
    <message>
        <source>Also remove the offline copy from this computer</source>
        <translation>Ook de offline kopie van deze computer verwijderen</translation>
    </message>
    <message>
        <source>You have logged out of %1.</source>
        <translation>Je bent uitgelogd bij %1.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
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
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>N&amp;otifications</source>
        <translation>M&amp;eldingen</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Meldingen…</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Weergave</translation>
    </message>
    <message>
        <source>Like the desktop</source>
        <translation>Zoals het bureaublad</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>&amp;Previous in the sidebar</source>
        <translation>&amp;Vorige in de zijbalk</translation>
    </message>
    <message>
        <source>&amp;Next in the sidebar</source>
        <translation>&amp;Volgende in de zijbalk</translation>
    </message>
    <message>
        <source>&amp;Switch between sidebar and page</source>
        <translation>Wissel tussen &amp;zijbalk en pagina</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>Terug naar de &amp;lijst</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;About Plein</source>
        <translation>&amp;Over Plein</translation>
    </message>
    <message>
        <source>About Plein</source>
        <translation>Over Plein</translation>
    </message>
    <message>
        <source>&lt;b&gt;Plein %1&lt;/b&gt;&lt;br&gt;The town square of your organisation: a native, offline-first social network that your organisation runs itself.</source>
        <translation>&lt;b&gt;Plein %1&lt;/b&gt;&lt;br&gt;Het dorpsplein van je organisatie: een eigen, offline-first sociaal netwerk dat je organisatie zelf beheert.</translation>
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
        <translation>Het bericht verwijderen?</translation>
    </message>
    <message>
        <source>It is removed for everyone in the conversation. This cannot be undone.</source>
        <translation>Het verdwijnt voor iedereen in het gesprek. Dit kun je niet ongedaan maken.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reageren</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Tekst kopiëren</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Bericht aan %1</translation>
    </message>
    <message>
        <source>Mention %1</source>
        <translation>%1 noemen</translation>
    </message>
</context>
<context>
    <name>plein::app::MessageDelegate</name>
    <message>
        <source>Edited %1</source>
        <translation>Bewerkt %1</translation>
    </message>
    <message>
        <source>Show the message this replies to</source>
        <translation>Het bericht tonen waarop dit antwoordt</translation>
    </message>
    <message>
        <source>Click to take yours back</source>
        <translation>Klik om de jouwe terug te nemen</translation>
    </message>
    <message>
        <source>Click to react with this too</source>
        <translation>Klik om ook zo te reageren</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wordt verstuurd…</translation>
    </message>
    <message>
        <source>Send it again</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>Change the text and send it again</source>
        <translation>De tekst aanpassen en opnieuw versturen</translation>
    </message>
    <message>
        <source>Drop what was not sent</source>
        <translation>Weggooien wat niet verstuurd is</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Jij</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>Dit bericht is verwijderd</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bewerkt)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Niet verstuurd: %1</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>De wijziging is niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Edit waiting to be sent</source>
        <translation>Bewerking wacht op verzending</translation>
    </message>
    <message>
        <source>Deletion waiting to be sent</source>
        <translation>Verwijdering wacht op verzending</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wacht op verzending</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
</context>
<context>
    <name>plein::app::MessageToolbar</name>
    <message>
        <source>React with %1</source>
        <translation>Reageren met %1</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>Een reactie geven</translation>
    </message>
    <message>
        <source>Reply (R)</source>
        <translation>Antwoorden (R)</translation>
    </message>
    <message>
        <source>Edit (E)</source>
        <translation>Bewerken (E)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Meer acties</translation>
    </message>
</context>
<context>
    <name>plein::app::MessageView</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n nieuw bericht</numerusform>
            <numerusform>%n nieuwe berichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the newest</source>
        <translation>Naar het nieuwste</translation>
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
    <name>plein::app::NewConversationDialog</name>
    <message>
        <source>Only I can add or remove members</source>
        <translation>Alleen ik kan leden toevoegen of weghalen</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <source>Write to one person, or to several at once.</source>
        <translation>Schrijf één persoon, of meerdere tegelijk.</translation>
    </message>
    <message>
        <source>Optional: a name, such as “Release planning”</source>
        <translation>Optioneel: een naam, zoals ‘Releaseplanning’</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wordt begonnen…</translation>
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
    <name>plein::app::NotificationKinds</name>
    <message>
        <source>Replies to your posts</source>
        <translation>Reacties op je berichten</translation>
    </message>
    <message>
        <source>Mentions of you</source>
        <translation>Vermeldingen van jou</translation>
    </message>
    <message>
        <source>Group requests, invitations and approvals</source>
        <translation>Groepsverzoeken, uitnodigingen en goedkeuringen</translation>
    </message>
    <message numerus="yes">
        <source>%n new replies</source>
        <translation>
            <numerusform>%n nieuwe reactie</numerusform>
            <numerusform>%n nieuwe reacties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new mentions</source>
        <translation>
            <numerusform>%n nieuwe vermelding</numerusform>
            <numerusform>%n nieuwe vermeldingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group notifications</source>
        <translation>
            <numerusform>%n groepsmelding</numerusform>
            <numerusform>%n groepsmeldingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n nieuwe melding</numerusform>
            <numerusform>%n nieuwe meldingen</numerusform>
        </translation>
    </message>
    <message>
        <source>Chat: direct messages, mentions and replies</source>
        <translation>Chat: persoonlijke berichten, vermeldingen en antwoorden</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n nieuw bericht</numerusform>
            <numerusform>%n nieuwe berichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s)</source>
        <translation>
            <numerusform>%n antwoord</numerusform>
            <numerusform>%n antwoorden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n vermelding</numerusform>
            <numerusform>%n vermeldingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group notification(s)</source>
        <translation>
            <numerusform>%n groepsmelding</numerusform>
            <numerusform>%n groepsmeldingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n bericht</numerusform>
            <numerusform>%n berichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other notification(s)</source>
        <translation>
            <numerusform>%n andere melding</numerusform>
            <numerusform>%n andere meldingen</numerusform>
        </translation>
    </message>
    <message>
        <source>Comments on your articles, and mentions in comments</source>
        <translation>Reacties op je artikelen, en vermeldingen in reacties</translation>
    </message>
    <message numerus="yes">
        <source>%n new comments</source>
        <translation>
            <numerusform>%n nieuwe reactie</numerusform>
            <numerusform>%n nieuwe reacties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n reactie</numerusform>
            <numerusform>%n reacties</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::NotificationModel</name>
    <message>
        <source>Reply</source>
        <translation>Beantwoorden</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Als gelezen markeren</translation>
    </message>
</context>
<context>
    <name>plein::app::NotificationSettings</name>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Kan %1 niet verwijderen.</translation>
    </message>
</context>
<context>
    <name>plein::app::NotificationSettingsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>On the desktop</source>
        <translation>Op het bureaublad</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Meldingen op het bureaublad tonen</translation>
    </message>
    <message>
        <source>Play no sound</source>
        <translation>Geen geluid afspelen</translation>
    </message>
    <message>
        <source>Everything stays in Plein&apos;s notification list, whatever shows on the desktop.</source>
        <translation>Alles blijft in de meldingenlijst van Plein staan, wat er ook op het bureaublad verschijnt.</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Opstarten</translation>
    </message>
    <message>
        <source>Start Plein when I log in</source>
        <translation>Plein starten als ik inlog</translation>
    </message>
    <message>
        <source>Plein starts in the background, so replies and mentions reach you from the moment you log in.</source>
        <translation>Plein start op de achtergrond, zodat reacties en vermeldingen je bereiken zodra je inlogt.</translation>
    </message>
    <message>
        <source>Start minimised</source>
        <translation>Geminimaliseerd starten</translation>
    </message>
    <message>
        <source>In the system tray when the desktop has one, minimised otherwise.</source>
        <translation>In het systeemvak als je bureaublad er een heeft, anders geminimaliseerd.</translation>
    </message>
    <message>
        <source>No notification service answers on this desktop: Plein shows notifications at its tray icon instead, where there is one.</source>
        <translation>Er reageert geen meldingendienst op dit bureaublad: Plein toont meldingen dan bij zijn pictogram in het systeemvak, als dat er is.</translation>
    </message>
    <message>
        <source>Plein cannot change how it starts at login: %1</source>
        <translation>Plein kan niet aanpassen hoe het bij het inloggen start: %1</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Niet storen</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Uitzetten</translation>
    </message>
    <message>
        <source>Notification schedule</source>
        <translation>Meldingsschema</translation>
    </message>
    <message>
        <source>The bell at the top of the window, and the tray icon&apos;s menu, turn do not disturb on for a while.</source>
        <translation>De bel boven in het venster en het menu van het pictogram in het systeemvak zetten niet storen een tijdje aan.</translation>
    </message>
    <message>
        <source>Do not disturb is off.</source>
        <translation>Niet storen staat uit.</translation>
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
        <source>Nothing yet: mentions, replies and group invitations show up here.</source>
        <translation>Nog niets: vermeldingen, reacties en groepsuitnodigingen verschijnen hier.</translation>
    </message>
</context>
<context>
    <name>plein::app::PeopleCapability</name>
    <message>
        <source>People</source>
        <translation>Mensen</translation>
    </message>
    <message>
        <source>My &amp;profile</source>
        <translation>Mijn &amp;profiel</translation>
    </message>
    <message>
        <source>Saving the profile: it changes for everyone once the server has it.</source>
        <translation>Het profiel wordt bewaard: het verandert voor iedereen zodra de server het heeft.</translation>
    </message>
</context>
<context>
    <name>plein::app::PeopleDirectoryPage</name>
    <message>
        <source>Clear filters</source>
        <translation>Filters wissen</translation>
    </message>
    <message>
        <source>Find colleagues by name, department, expertise or what they like to do.</source>
        <translation>Vind collega&apos;s op naam, afdeling, expertise of wat ze graag doen.</translation>
    </message>
    <message>
        <source>Search by name or job title</source>
        <translation>Zoek op naam of functie</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interesse</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Alle afdelingen</translation>
    </message>
    <message>
        <source>Any expertise</source>
        <translation>Alle expertise</translation>
    </message>
    <message>
        <source>Any interest</source>
        <translation>Alle interesses</translation>
    </message>
    <message>
        <source>No one in the directory yet. People appear here once the app has been online.</source>
        <translation>Nog niemand in de gids. Mensen verschijnen hier zodra de app online is geweest.</translation>
    </message>
    <message>
        <source>No one matches. Try another name or fewer filters.</source>
        <translation>Niemand gevonden. Probeer een andere naam of minder filters.</translation>
    </message>
</context>
<context>
    <name>plein::app::PeoplePicker</name>
    <message>
        <source>Type a name</source>
        <translation>Typ een naam</translation>
    </message>
    <message>
        <source>Looking for people…</source>
        <translation>Mensen zoeken…</translation>
    </message>
    <message>
        <source>Nobody called “%1” that Plein knows of. People show here once they wrote a post or share a group with you.</source>
        <translation>Plein kent niemand die ‘%1’ heet. Mensen verschijnen hier zodra ze iets gepost hebben of een groep met je delen.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 weghalen</translation>
    </message>
    <message>
        <source>Add someone else</source>
        <translation>Nog iemand toevoegen</translation>
    </message>
</context>
<context>
    <name>plein::app::PostActions</name>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
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
    <message>
        <source>Undo the deletion</source>
        <translation>Verwijderen ongedaan maken</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reageren</translation>
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
        <source>Edit waiting to be sent</source>
        <translation>Bewerking wacht op verzenden</translation>
    </message>
    <message>
        <source>Deletion waiting to be sent</source>
        <translation>Verwijdering wacht op verzenden</translation>
    </message>
    <message>
        <source>Pin waiting to be sent</source>
        <translation>Vastzetten wacht op verzenden</translation>
    </message>
    <message>
        <source>Like waiting to be sent</source>
        <translation>Leuk-vinden wacht op verzenden</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Post deleted.</source>
        <translation>Bericht verwijderd.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Jij</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bewerkt)</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Vastgezet</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Niet verstuurd</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet bewaard</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Minder tonen</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Meer tonen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Leuk</translation>
    </message>
    <message numerus="yes">
        <source>%n repl(y/ies)</source>
        <translation>
            <numerusform>%n reactie</numerusform>
            <numerusform>%n reacties</numerusform>
        </translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reageren</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Wijziging weggooien</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet bewaard: %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Bewerkt %1</translation>
    </message>
    <message>
        <source>Posted in the group %1</source>
        <translation>Geplaatst in de groep %1</translation>
    </message>
    <message>
        <source>Pinned to the top of the group</source>
        <translation>Bovenaan de groep vastgezet</translation>
    </message>
    <message>
        <source>Sent as soon as there is a connection</source>
        <translation>Gaat weg zodra er verbinding is</translation>
    </message>
    <message>
        <source>Unlike (L)</source>
        <translation>Niet meer leuk (L)</translation>
    </message>
    <message>
        <source>Like (L)</source>
        <translation>Leuk (L)</translation>
    </message>
    <message>
        <source>Reply in the thread (R)</source>
        <translation>Reageren in het gesprek (R)</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Meer acties</translation>
    </message>
    <message>
        <source>Fold the post again</source>
        <translation>Bericht weer inklappen</translation>
    </message>
    <message>
        <source>Show the whole post</source>
        <translation>Het hele bericht tonen</translation>
    </message>
    <message>
        <source>Send it again</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>Change the text (E)</source>
        <translation>Tekst aanpassen (E)</translation>
    </message>
    <message>
        <source>Drop what was not sent</source>
        <translation>Weggooien wat niet verstuurd is</translation>
    </message>
    <message>
        <source>Keep the post</source>
        <translation>Bericht houden</translation>
    </message>
</context>
<context>
    <name>plein::app::PostEditor</name>
    <message>
        <source>Ctrl+Enter saves · Escape cancels</source>
        <translation>Ctrl+Enter bewaart · Escape annuleert</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <source>Save the post (Ctrl+Enter)</source>
        <translation>Bericht bewaren (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Keep the post as it was (Escape)</source>
        <translation>Bericht laten zoals het was (Escape)</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n teken te veel</numerusform>
            <numerusform>%n tekens te veel</numerusform>
        </translation>
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
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>The offline copy on this computer was damaged. It was set aside and is being rebuilt from the server; posts that were not sent yet could not be saved.</source>
        <translation>De offline kopie op deze computer was beschadigd. Ze is apart gezet en wordt opnieuw opgebouwd vanaf de server; berichten die nog niet waren verzonden, konden niet worden bewaard.</translation>
    </message>
    <message>
        <source>The server refused the connection. Try again later, or ask your administrator.</source>
        <translation>De server weigerde de verbinding. Probeer het later opnieuw of vraag het je beheerder.</translation>
    </message>
    <message>
        <source>Cannot reach a Plein server at %1. Check the server address and your network connection.</source>
        <translation>Er is geen Plein-server bereikbaar op %1. Controleer het serveradres en je netwerkverbinding.</translation>
    </message>
    <message>
        <source>The security certificate of %1 cannot be trusted, so Plein did not connect. Check the server address, or ask your administrator.</source>
        <translation>Het beveiligingscertificaat van %1 is niet te vertrouwen, dus Plein heeft geen verbinding gemaakt. Controleer het serveradres of vraag het je beheerder.</translation>
    </message>
    <message>
        <source>The server refused the login. Try again later, or ask your administrator.</source>
        <translation>De server weigerde het inloggen. Probeer het later opnieuw of vraag het je beheerder.</translation>
    </message>
    <message>
        <source>Too many login attempts in a short time. Wait a minute, then try again.</source>
        <translation>Te veel inlogpogingen in korte tijd. Wacht een minuut en probeer het dan opnieuw.</translation>
    </message>
</context>
<context>
    <name>plein::app::ProfilePage</name>
    <message>
        <source>Send a message</source>
        <translation>Een bericht sturen</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Profiel bewerken</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Volgend</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Volgen</translation>
    </message>
    <message>
        <source>Stop showing their posts in Home</source>
        <translation>Hun berichten niet meer tonen in Start</translation>
    </message>
    <message>
        <source>Show their posts in Home</source>
        <translation>Hun berichten tonen in Start</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interesses</translation>
    </message>
    <message>
        <source>Recent posts</source>
        <translation>Recente berichten</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Person not found</source>
        <translation>Persoon niet gevonden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>This person does not exist or is no longer active.</source>
        <translation>Deze persoon bestaat niet of is niet meer actief.</translation>
    </message>
    <message>
        <source>This account is deactivated.</source>
        <translation>Dit account is gedeactiveerd.</translation>
    </message>
    <message>
        <source>Changes to this profile are waiting to be sent.</source>
        <translation>Wijzigingen in dit profiel wachten om verstuurd te worden.</translation>
    </message>
    <message>
        <source>Everyone with “%1”</source>
        <translation>Iedereen met „%1”</translation>
    </message>
    <message>
        <source>Not known on this computer yet: the profile shows once Plein is online.</source>
        <translation>Nog niet bekend op deze computer: het profiel verschijnt zodra Plein online is.</translation>
    </message>
    <message>
        <source>Writes in</source>
        <translation>Schrijft in</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Drop the change that was not saved</source>
        <translation>De wijziging die niet is opgeslagen weggooien</translation>
    </message>
    <message>
        <source>A change to this profile was not saved: %1</source>
        <translation>Een wijziging in dit profiel is niet opgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>plein::app::ReactorsCache</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n persoon</numerusform>
            <numerusform>%n personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>en nog %n</numerusform>
            <numerusform>en nog %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>minutes ago</comment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <comment>yesterday at a time</comment>
        <translation>gisteren %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>weekday and time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>date at time</comment>
        <translation>%1 om %2</translation>
    </message>
</context>
<context>
    <name>plein::app::ScheduleEditor</name>
    <message>
        <source>Pause notifications outside these hours</source>
        <translation>Meldingen pauzeren buiten deze uren</translation>
    </message>
    <message>
        <source>%1 from</source>
        <translation>%1 vanaf</translation>
    </message>
    <message>
        <source>%1 until</source>
        <translation>%1 tot</translation>
    </message>
    <message>
        <source>Quiet all day</source>
        <translation>Hele dag stil</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Niet storen</translation>
    </message>
    <message>
        <source>Outside the hours of a ticked day, and all day on a day left unticked, do not disturb is on: notifications go into the list without a bubble or a sound. Hours past midnight, such as %1–%2 for a night shift, are fine.</source>
        <translation>Buiten de uren van een aangevinkte dag, en de hele dag op een dag zonder vinkje, staat niet storen aan: meldingen komen in de lijst, zonder pop-up of geluid. Uren over middernacht heen, zoals %1–%2 voor een nachtdienst, kunnen ook.</translation>
    </message>
</context>
<context>
    <name>plein::app::SearchCapability</name>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <source>Next result</source>
        <translation>Volgend resultaat</translation>
    </message>
    <message>
        <source>Previous result</source>
        <translation>Vorig resultaat</translation>
    </message>
    <message>
        <source>Open the result</source>
        <translation>Resultaat openen</translation>
    </message>
</context>
<context>
    <name>plein::app::SearchPage</name>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Berichten</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Mensen</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Search posts, messages, people and groups</source>
        <translation>Zoek in berichten, chats, mensen en groepen</translation>
    </message>
    <message>
        <source>Copy a link to this search</source>
        <translation>Kopieer een link naar deze zoekopdracht</translation>
    </message>
    <message>
        <source>From anyone</source>
        <translation>Van iedereen</translation>
    </message>
    <message>
        <source>In any group</source>
        <translation>In alle groepen</translation>
    </message>
    <message>
        <source>Keep typing…</source>
        <translation>Typ verder…</translation>
    </message>
    <message>
        <source>Search everything on this computer</source>
        <translation>Zoek in alles op deze computer</translation>
    </message>
    <message>
        <source>Posts, replies, messages, people and groups you have seen are searched at once, also offline. Ctrl+K brings you here from anywhere.</source>
        <translation>Berichten, reacties, chats, mensen en groepen die je hebt gezien worden meteen doorzocht, ook offline. Met Ctrl+K kom je hier vanaf elke plek.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”</source>
        <translation>Niets gevonden voor “%1”</translation>
    </message>
    <message>
        <source>Try fewer words, or search without the filters.</source>
        <translation>Probeer minder woorden, of zoek zonder de filters.</translation>
    </message>
    <message>
        <source>Try fewer or other words. Only what this computer has seen is searched.</source>
        <translation>Probeer minder of andere woorden. Alleen wat deze computer heeft gezien wordt doorzocht.</translation>
    </message>
    <message>
        <source>Searching the server…</source>
        <translation>De server wordt doorzocht…</translation>
    </message>
    <message>
        <source>Offline: results from this computer only</source>
        <translation>Offline: alleen resultaten van deze computer</translation>
    </message>
    <message>
        <source>The server could not search: results from this computer only</source>
        <translation>De server kon niet zoeken: alleen resultaten van deze computer</translation>
    </message>
    <message>
        <source>Try fewer or other words.</source>
        <translation>Probeer minder of andere woorden.</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikelen</translation>
    </message>
</context>
<context>
    <name>plein::app::SearchResultDelegate</name>
    <message>
        <source>Post</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Chatbericht</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Privébericht</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>plein::app::ServerAddress</name>
    <message>
        <source>Enter the address of your organisation&apos;s Plein server, such as plein.example.org.</source>
        <translation>Vul het adres in van de Plein-server van je organisatie, bijvoorbeeld plein.example.org.</translation>
    </message>
    <message>
        <source>“%1” is not a server address. Enter a host name such as plein.example.org, with a port if your organisation uses one (plein.example.org:8443).</source>
        <translation>‘%1’ is geen serveradres. Vul een hostnaam in zoals plein.example.org, met een poort als je organisatie die gebruikt (plein.example.org:8443).</translation>
    </message>
    <message>
        <source>Plein does not connect through %1://. Enter just the host name, such as plein.example.org.</source>
        <translation>Plein maakt geen verbinding via %1://. Vul alleen de hostnaam in, bijvoorbeeld plein.example.org.</translation>
    </message>
    <message>
        <source>The connection to %1 would not be encrypted, so your password and posts could be read on the way. Enter just %1 to connect securely (ws:// is only for a server on this computer).</source>
        <translation>De verbinding met %1 zou niet versleuteld zijn, zodat anderen je wachtwoord en berichten onderweg kunnen meelezen. Vul alleen %1 in voor een veilige verbinding (ws:// is alleen voor een server op deze computer).</translation>
    </message>
</context>
<context>
    <name>plein::app::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
</context>
<context>
    <name>plein::app::SingleInstance</name>
    <message>
        <source>Plein is already running with this profile.</source>
        <translation>Plein draait al met dit profiel.</translation>
    </message>
    <message>
        <source>Cannot lock the profile folder %1.</source>
        <translation>De profielmap %1 kan niet worden vergrendeld.</translation>
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
    <message>
        <source>This post was deleted, so it takes no new replies.</source>
        <translation>Dit bericht is verwijderd; je kunt er niet meer op reageren.</translation>
    </message>
    <message>
        <source>Loading the replies…</source>
        <translation>Reacties laden…</translation>
    </message>
    <message>
        <source>No replies yet
Write the first one below.</source>
        <translation>Nog geen reacties
Schrijf hieronder de eerste.</translation>
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
    <name>plein::app::TopicPage</name>
    <message>
        <source>No posts with #%1 yet
Write one: a post with #%1 in it shows here.</source>
        <translation>Nog geen berichten met #%1
Schrijf er een: een bericht met #%1 erin verschijnt hier.</translation>
    </message>
    <message>
        <source>Write about #%1… (Ctrl+Enter sends)</source>
        <translation>Schrijf over #%1… (Ctrl+Enter verstuurt)</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Volgend</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Volgen</translation>
    </message>
    <message>
        <source>Stop following #%1</source>
        <translation>#%1 niet meer volgen</translation>
    </message>
    <message>
        <source>Show posts with #%1 in Home</source>
        <translation>Berichten met #%1 tonen in Start</translation>
    </message>
</context>
<context>
    <name>plein::app::TrayIcon</name>
    <message>
        <source>Show Plein</source>
        <translation>Plein tonen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Plein</source>
        <translation>Plein</translation>
    </message>
    <message numerus="yes">
        <source>%n new post(s)</source>
        <translation>
            <numerusform>%n nieuw bericht</numerusform>
            <numerusform>%n nieuwe berichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n ongelezen melding</numerusform>
            <numerusform>%n ongelezen meldingen</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation>Geen ongelezen meldingen</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n ongelezen bericht</numerusform>
            <numerusform>%n ongelezen berichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::app::filechip</name>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1-bestand</translation>
    </message>
</context>
<context>
    <name>plein::client::Blogs</name>
    <message>
        <source>a cover is a PNG, JPEG, GIF or WebP image</source>
        <translation>een omslag is een PNG-, JPEG-, GIF- of WebP-afbeelding</translation>
    </message>
</context>
<context>
    <name>plein::client::ChatStore</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 en nog %n</numerusform>
            <numerusform>%1 en nog %n</numerusform>
        </translation>
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
    <name>plein::client::Drafts</name>
    <message>
        <source>The article was deleted on the server.</source>
        <translation>Het artikel is op de server verwijderd.</translation>
    </message>
</context>
<context>
    <name>plein::client::FileCache</name>
    <message>
        <source>cannot write %1</source>
        <translation>kan %1 niet schrijven</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>cannot write in %1</source>
        <translation>kan niet schrijven in %1</translation>
    </message>
    <message>
        <source>no thumbnail for this file</source>
        <translation>geen miniatuur voor dit bestand</translation>
    </message>
    <message>
        <source>not a file id or variant</source>
        <translation>geen bestands-id of variant</translation>
    </message>
    <message>
        <source>not connected to the server</source>
        <translation>niet verbonden met de server</translation>
    </message>
    <message>
        <source>the download was cut short</source>
        <translation>de download is afgebroken</translation>
    </message>
</context>
<context>
    <name>plein::client::FileClient</name>
    <message>
        <source>the server answered %1</source>
        <translation>de server antwoordde %1</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a JSON object</source>
        <translation>het antwoord van de server is geen JSON-object</translation>
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
    <name>plein::client::Profiles</name>
    <message>
        <source>the change could not be stored on this computer</source>
        <translation>de wijziging kon niet op deze computer worden bewaard</translation>
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
<context>
    <name>plein::client::UploadJob</name>
    <message>
        <source>the file to upload is no longer known</source>
        <translation>het bestand om te uploaden is niet meer bekend</translation>
    </message>
    <message>
        <source>the server is not reachable</source>
        <translation>de server is niet bereikbaar</translation>
    </message>
    <message>
        <source>%1 is no longer there (%2)</source>
        <translation>%1 is er niet meer (%2)</translation>
    </message>
    <message>
        <source>%1 changed after it was attached; attach it again</source>
        <translation>%1 is veranderd nadat het werd bijgevoegd; voeg het opnieuw toe</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 kan niet worden gelezen</translation>
    </message>
    <message>
        <source>the server named no upload</source>
        <translation>de server noemde geen upload</translation>
    </message>
    <message>
        <source>the cache cannot be written</source>
        <translation>er kan niet in de cache worden geschreven</translation>
    </message>
    <message>
        <source>the server&apos;s offset is outside the file</source>
        <translation>de positie die de server noemt ligt buiten het bestand</translation>
    </message>
</context>
<context>
    <name>plein::client::Uploads</name>
    <message>
        <source>At most %1 files can be attached</source>
        <translation>Er kunnen hoogstens %1 bestanden worden bijgevoegd</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 bestaat niet</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 is geen bestand</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 kan niet worden gelezen</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 is leeg</translation>
    </message>
    <message>
        <source>%1 is too large: a file may hold at most %2</source>
        <translation>%1 is te groot: een bestand mag hoogstens %2 zijn</translation>
    </message>
    <message>
        <source>the write could not be stored</source>
        <translation>de wijziging kon niet worden opgeslagen</translation>
    </message>
</context>
</TS>
