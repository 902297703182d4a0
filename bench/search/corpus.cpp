#include "corpus.h"

#include <algorithm>
#include <cmath>

namespace plein::bench {

namespace {

quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// A small generator of one row's choices.
struct Draw
{
    quint64 state;
    quint64 next() { return state = mix(state); }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    int below(int n) { return int(next() % quint64(n)); }
};

const char* const common[] = {
    // Dutch function words, most frequent first, then English ones.
    "de",    "het",      "een",     "en",     "van",    "in",     "is",     "op",      "dat",
    "te",    "met",      "voor",    "niet",   "zijn",   "er",     "aan",    "ook",     "als",
    "bij",   "om",       "maar",    "nog",    "door",   "over",   "naar",   "uit",     "dan",
    "wel",   "kan",      "wordt",   "we",     "ik",     "je",     "wij",    "jullie",  "deze",
    "die",   "dit",      "was",     "heeft",  "hebben", "worden", "morgen", "vandaag", "week",
    "graag", "even",     "goed",    "nieuwe", "alle",   "the",    "and",    "to",      "of",
    "a",     "for",      "on",      "with",   "that",   "this",   "it",     "be",      "are",
    "will",  "from",     "at",      "our",    "you",    "can",    "please", "new",     "team",
    "today", "tomorrow", "meeting", "update", "thanks", "about",  "next",   "have",
};

const char* const nouns[] = {
    "dijk",       "sluis",          "gemaal",    "brug",       "kade",      "waterstand",
    "inspectie",  "onderhoud",      "renovatie", "vergunning", "planning",  "overleg",
    "rapport",    "meting",         "sensor",    "deur",       "pomp",      "storing",
    "project",    "afdeling",       "beheer",    "regio",      "kanaal",    "rivier",
    "polder",     "water",          "weg",       "tunnel",     "verkeer",   "veiligheid",
    "werk",       "kantoor",        "koffie",    "lunch",      "fiets",     "trein",
    "auto",       "budget",         "contract",  "aannemer",   "bestek",    "tekening",
    "schade",     "herstel",        "peil",      "hoogwater",  "storm",     "kering",
    "gebouw",     "verlichting",    "camera",    "netwerk",    "server",    "laptop",
    "wachtwoord", "training",       "cursus",    "vakantie",   "rooster",   "dienst",
    "melding",    "klacht",         "burger",    "gemeente",   "provincie", "minister",
    "nota",       "besluit",        "advies",    "onderzoek",  "data",      "dashboard",
    "report",     "release",        "deadline",  "budget",     "customer",  "survey",
    "office",     "holiday",        "schedule",  "incident",   "change",    "review",
    "design",     "bridge",         "lock",      "pump",       "sensor",    "flood",
    "café",       "coördinatie",    "reünie",    "financiële", "één",       "idee",
    "ideeën",     "geïnteresseerd",
};

const char* const places[] = {
    "Utrecht",    "Rotterdam",  "Amsterdam", "Lelystad",   "Zwolle",    "Arnhem",    "Nijmegen",
    "Terneuzen",  "Kruiningen", "Eefde",     "Zaltbommel", "Deventer",  "Groningen", "Leeuwarden",
    "Middelburg", "Vlissingen", "Den Haag",  "Delft",      "Leiden",    "Haarlem",   "Alkmaar",
    "Den Helder", "Maastricht", "Venlo",     "Roermond",   "Eindhoven", "Breda",     "Tilburg",
    "IJmuiden",   "Dordrecht",  "Gorinchem",
};

const char* const syllables[] = {
    "ver",  "be",   "ge",     "on",   "ont",  "her",   "over", "door", "aan",  "af",   "mee",
    "stel", "lig",  "gang",   "werk", "plan", "schap", "heid", "ing",  "ling", "baar", "lijk",
    "ste",  "ter",  "ken",    "wa",   "ri",   "ko",    "ma",   "del",  "pro",  "con",  "tra",
    "sta",  "ment", "tion",   "ness", "able", "re",    "de",   "in",   "ex",   "com",  "port",
    "form", "vis",  "struct", "data", "net",  "zon",   "wind",
};

} // namespace

Corpus::Corpus()
{
    for (const char* w : common)
        m_words.append(QString::fromUtf8(w));
    for (const char* w : nouns)
        m_words.append(QString::fromUtf8(w));
    for (const char* w : places)
        m_words.append(QString::fromUtf8(w));
    // Dutch compounds of two nouns: dijkbeheer, sluisdeur, ...
    const int nounCount = int(std::size(nouns));
    for (int a = 0; a < nounCount; ++a) {
        for (int b = 0; b < nounCount; ++b) {
            if (a != b && (a * 7 + b * 3) % 5 == 0)
                m_words.append(QString::fromUtf8(nouns[a]) + QString::fromUtf8(nouns[b]));
        }
    }
    // The long tail: made-up words of two to four syllables.
    Draw d {42};
    const int syllableCount = int(std::size(syllables));
    while (m_words.size() < 60000) {
        QString w;
        const int parts = 2 + d.below(3);
        for (int i = 0; i < parts; ++i)
            w += QString::fromLatin1(syllables[d.below(syllableCount)]);
        m_words.append(w);
    }
    // Zipf: the word of rank r is drawn with a weight of 1 / r.
    m_cumulative.reserve(m_words.size());
    double sum = 0;
    for (qsizetype r = 0; r < m_words.size(); ++r) {
        sum += 1.0 / double(r + 1);
        m_cumulative.append(sum);
    }
    for (double& c : m_cumulative)
        c /= sum;
}

QStringList Corpus::words(quint64 n, int minWords, int maxWords) const
{
    Draw d {n * 0x100000001b3ULL + 7};
    const int count = minWords + d.below(maxWords - minWords + 1);
    QStringList out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        const double u = d.unit();
        const auto at = std::lower_bound(m_cumulative.cbegin(), m_cumulative.cend(), u);
        out.append(m_words.at(std::min<qsizetype>(at - m_cumulative.cbegin(), m_words.size() - 1)));
    }
    return out;
}

QString Corpus::text(quint64 n, int minWords, int maxWords) const
{
    const QStringList w = words(n, minWords, maxWords);
    QString out;
    out.reserve(w.size() * 8);
    bool sentenceStart = true;
    for (qsizetype i = 0; i < w.size(); ++i) {
        if (i > 0)
            out += u' ';
        QString word = w.at(i);
        if (sentenceStart && !word.isEmpty())
            word[0] = word.at(0).toUpper();
        out += word;
        sentenceStart = (mix(n + quint64(i)) % 9) == 0;
        if (sentenceStart)
            out += (mix(n ^ quint64(i)) % 4 == 0) ? u'?' : u'.';
        else if (mix(n * 31 + quint64(i)) % 13 == 0)
            out += u',';
    }
    if (!sentenceStart)
        out += u'.';
    return out;
}

} // namespace plein::bench
