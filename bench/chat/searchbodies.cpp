#include "searchbodies.h"

#include <QStringList>

#include <cmath>

namespace plein::bench {

namespace {

quint64 mix(quint64 x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

// The most common words come first, as in running Dutch text.
const QStringList common
    = QString::fromLatin1("de het een en van in op is dat met voor niet zijn aan ook er "
                          "maar om bij als dan nog naar ze wat tot uit we wij kan over "
                          "heeft worden deze meer door jaar goed morgen vandaag team")
          .split(u' ');

const QStringList syllables
    = QString::fromLatin1("dijk wa ter be heer sluis ge maal pol der kan aal ri vier "
                          "strand zee weg brug stroom land huis plan werk o ver ont lijk "
                          "heid ing en te bo den kaart ge bied meet punt dam kust veen "
                          "klei zand berg dal bron net wijk stad dorp markt ha ven boot "
                          "vaart gre ns tijd ko ers pomp zuil vloed eb stuw")
          .split(u' ');

} // namespace

QString vocabularyWord(int rank)
{
    if (rank <= common.size())
        return common.at(rank - 1);
    // Two to four syllables, chosen by the rank's bits: distinct enough for a benchmark.
    const quint64 r = mix(quint64(rank));
    const int parts = 2 + int(r % 3);
    QString w;
    for (int i = 0; i < parts; ++i)
        w += syllables.at(int((r >> (8 + 10 * i)) % quint64(syllables.size())));
    return w + QString::number(rank % 97, 36);
}

QString searchBody(quint64 n)
{
    quint64 r = mix(n + 0x5eed);
    const int words = 8 + int(r % 33);
    QString body;
    for (int i = 0; i < words; ++i) {
        r = mix(r + quint64(i));
        // Log-uniform over the ranks: density about 1/r.
        const double u = double(r >> 11) / double(1ULL << 53);
        const int rank = std::clamp(int(std::pow(double(vocabularySize), u)), 1, vocabularySize);
        if (i)
            body += u' ';
        body += vocabularyWord(rank);
    }
    return body + u'.';
}

} // namespace plein::bench
