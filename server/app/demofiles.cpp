#include "app/demofiles.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/chat/chatcapability.h"
#include "capabilities/feed/feedcapability.h"
#include "capabilities/files/filescapability.h"
#include "capabilities/people/peoplecapability.h"
#include "core/servercore.h"

#include <QDate>
#include <QJsonArray>

#include <array>
#include <memory>
// GLib names a member `signals`, which Qt defines as a macro.
#pragma push_macro("signals")
#undef signals
#include <vips/vips.h>
#pragma pop_macro("signals")

namespace plein::server {

namespace {

using Ink = std::array<double, 3>;

struct Unref
{
    void operator()(VipsImage* image) const
    {
        if (image)
            g_object_unref(image);
    }
};
using ImagePtr = std::unique_ptr<VipsImage, Unref>;

// Where a text's box is placed: its centre, or its top left or top right corner.
enum class Anchor { Centre, TopLeft, TopRight };

// An RGB picture drawn in memory: a diagonal gradient, then shapes and text over it. The
// first failure is kept in `error` and every later step does nothing.
class Canvas
{
public:
    Canvas(int width, int height, Ink from, Ink to)
    {
        VipsImage* xyz = nullptr;
        VipsImage* x = nullptr;
        VipsImage* y = nullptr;
        VipsImage* sum = nullptr;
        VipsImage* colour = nullptr;
        VipsImage* bytes = nullptr;
        std::array<double, 3> mul;
        std::array<double, 3> add;
        for (int i = 0; i < 3; ++i) {
            mul[size_t(i)] = (to[size_t(i)] - from[size_t(i)]) / double(width + height - 2);
            add[size_t(i)] = from[size_t(i)];
        }
        const bool ok = vips_xyz(&xyz, width, height, nullptr) == 0
            && vips_extract_band(xyz, &x, 0, nullptr) == 0
            && vips_extract_band(xyz, &y, 1, nullptr) == 0 && vips_add(x, y, &sum, nullptr) == 0
            && vips_linear(sum, &colour, mul.data(), add.data(), 3, nullptr) == 0
            && vips_cast_uchar(colour, &bytes, nullptr) == 0;
        for (VipsImage* i : {xyz, x, y, sum, colour})
            Unref()(i);
        ImagePtr made(bytes);
        if (!ok) {
            fail();
            return;
        }
        m_image.reset(vips_image_copy_memory(made.get()));
        if (!m_image)
            fail();
    }

    std::optional<QString> error;

    void rect(Ink ink, int left, int top, int width, int height)
    {
        if (!error
            && vips_draw_rect(m_image.get(), ink.data(), 3, left, top, width, height, "fill", TRUE,
                              nullptr)
                != 0)
            fail();
    }

    void circle(Ink ink, int cx, int cy, int radius)
    {
        if (!error
            && vips_draw_circle(m_image.get(), ink.data(), 3, cx, cy, radius, "fill", TRUE, nullptr)
                != 0)
            fail();
    }

    // A line `thickness` pixels wide (horizontal or vertical lines, and short slanted ones).
    void line(Ink ink, int x1, int y1, int x2, int y2, int thickness = 1)
    {
        const bool flat = std::abs(y2 - y1) <= std::abs(x2 - x1);
        for (int i = 0; i < thickness && !error; ++i) {
            const int d = i - thickness / 2;
            if (vips_draw_line(m_image.get(), ink.data(), 3, x1 + (flat ? 0 : d),
                               y1 + (flat ? d : 0), x2 + (flat ? 0 : d), y2 + (flat ? d : 0),
                               nullptr)
                != 0)
                fail();
        }
    }

    // An arrow from (x1, y) to (x2, y), pointing right.
    void arrow(Ink ink, int x1, int x2, int y)
    {
        line(ink, x1, y, x2 - 4, y, 4);
        for (int i = 0; i < 14; ++i)
            line(ink, x2 - 16 + i, y - 14 + i, x2 - 16 + i, y + 14 - i);
    }

    // Text (Pango's font names: "sans bold 24") placed by `anchor` at (x, y); lines centred.
    void text(const QString& words, const char* font, Ink ink, int x, int y,
              Anchor anchor = Anchor::TopLeft)
    {
        if (error)
            return;
        VipsImage* mask = nullptr;
        const QByteArray markup = words.toHtmlEscaped().toUtf8();
        if (vips_text(&mask, markup.constData(), "font", font, "align", VIPS_ALIGN_CENTRE, nullptr)
            != 0) {
            fail();
            return;
        }
        ImagePtr owned(mask);
        const int w = vips_image_get_width(mask);
        const int h = vips_image_get_height(mask);
        const int left = anchor == Anchor::Centre ? x - w / 2
            : anchor == Anchor::TopRight          ? x - w
                                                  : x;
        const int top = anchor == Anchor::Centre ? y - h / 2 : y;
        if (vips_draw_mask(m_image.get(), ink.data(), 3, mask, left, top, nullptr) != 0)
            fail();
    }

    QByteArray png()
    {
        if (error)
            return {};
        void* buffer = nullptr;
        size_t length = 0;
        if (vips_pngsave_buffer(m_image.get(), &buffer, &length, "compression", 9, nullptr) != 0) {
            fail();
            return {};
        }
        QByteArray out(static_cast<const char*>(buffer), qsizetype(length));
        g_free(buffer);
        return out;
    }

private:
    void fail()
    {
        if (!error)
            error
                = QString::fromUtf8(vips_error_buffer()).trimmed().section(QLatin1Char('\n'), 0, 0);
        vips_error_clear();
    }

    ImagePtr m_image;
};

constexpr Ink white {255, 255, 255};
constexpr Ink ink {40, 48, 61};
constexpr Ink grid {218, 224, 232};
constexpr Ink water {0, 110, 184};

QString initials(const QString& name)
{
    QString out;
    for (const QString& word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.front().isUpper())
            out += word.front();
    }
    return out.size() > 2 ? out.left(1) + out.right(1) : out;
}

// A photo: the person's initials on a gradient of two colours of their own.
QByteArray avatar(const QString& name, Ink from, Ink to, QString* error)
{
    Canvas c(256, 256, from, to);
    c.circle(Ink {to[0] * 0.9, to[1] * 0.9, to[2] * 0.9}, 230, 230, 70);
    c.text(initials(name), "sans bold 100", white, 128, 128, Anchor::Centre);
    const QByteArray png = c.png();
    if (c.error)
        *error = *c.error;
    return png;
}

struct Level
{
    QDate day;
    int cm = 0;
};

// The water levels of the last seven days, what the chart and the CSV show alike.
QList<Level> levels()
{
    const int cm[] = {212, 198, 235, 251, 219, 204, 226};
    QList<Level> out;
    const QDate today = QDate::currentDate();
    for (int i = 0; i < 7; ++i)
        out.append(Level {today.addDays(i - 7), cm[i]});
    return out;
}

QByteArray levelsChart(QString* error)
{
    static const char* const days[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    constexpr int width = 720;
    constexpr int height = 420;
    constexpr int left = 80;
    constexpr int right = 690;
    constexpr int top = 80;
    constexpr int bottom = 360;
    constexpr int lowest = 150; // cm at the bottom of the plot
    constexpr int highest = 300;
    const auto yOf
        = [](int cm) { return bottom - (cm - lowest) * (bottom - top) / (highest - lowest); };
    Canvas c(width, height, Ink {246, 249, 253}, white);
    c.text(QStringLiteral("Peilstand Terneuzen, afgelopen week"), "sans bold 20", ink, left, 22);
    c.text(QStringLiteral("cm boven NAP, daggemiddelde"), "sans 13", Ink {95, 105, 120}, left, 50);
    for (int cm = lowest; cm <= highest; cm += 50) {
        c.line(grid, left, yOf(cm), right, yOf(cm));
        c.text(QString::number(cm), "sans 12", Ink {95, 105, 120}, left - 10, yOf(cm) - 8,
               Anchor::TopRight);
    }
    const QList<Level> data = levels();
    const int slot = (right - left) / int(data.size());
    for (int i = 0; i < data.size(); ++i) {
        const int x = left + i * slot + slot / 5;
        const int w = slot * 3 / 5;
        const int y = yOf(data[i].cm);
        const bool highestDay = data[i].cm == 251;
        c.rect(highestDay ? Ink {231, 111, 81} : water, x, y, w, bottom - y);
        c.text(QString::number(data[i].cm), "sans bold 12", ink, x + w / 2, y - 12, Anchor::Centre);
        c.text(QString::fromLatin1(days[data[i].day.dayOfWeek() - 1]), "sans 13", ink, x + w / 2,
               bottom + 18, Anchor::Centre);
    }
    c.line(ink, left, bottom, right, bottom, 2);
    const QByteArray png = c.png();
    if (c.error)
        *error = *c.error;
    return png;
}

QByteArray levelsCsv()
{
    QByteArray out("datum;locatie;peil_cm\n");
    for (const Level& l : levels())
        out += l.day.toString(Qt::ISODate).toLatin1() + ";Terneuzen;" + QByteArray::number(l.cm)
            + '\n';
    return out;
}

// How a measurement of the lock's doors reaches Plein: three boxes and two arrows.
QByteArray sensorDiagram(QString* error)
{
    Canvas c(780, 300, Ink {240, 246, 250}, Ink {226, 238, 246});
    c.text(QStringLiteral("Van sluisdeur naar Plein"), "sans bold 20", ink, 390, 40,
           Anchor::Centre);
    struct Box
    {
        const char* label;
        Ink colour;
    };
    const Box boxes[] = {{"Sensor\nsluisdeur oost", Ink {0, 110, 184}},
                         {"Meetserver\nKruiningen", Ink {42, 157, 143}},
                         {"Plein\nmelding in de groep", Ink {231, 111, 81}}};
    constexpr int boxWidth = 200;
    constexpr int boxHeight = 110;
    constexpr int gap = 70;
    constexpr int y = 110;
    for (int i = 0; i < 3; ++i) {
        const int x = 30 + i * (boxWidth + gap);
        c.rect(Ink {boxes[i].colour[0] * 0.8, boxes[i].colour[1] * 0.8, boxes[i].colour[2] * 0.8},
               x + 4, y + 4, boxWidth, boxHeight);
        c.rect(boxes[i].colour, x, y, boxWidth, boxHeight);
        c.text(QString::fromUtf8(boxes[i].label), "sans bold 15", white, x + boxWidth / 2,
               y + boxHeight / 2, Anchor::Centre);
        if (i < 2)
            c.arrow(ink, x + boxWidth + 12, x + boxWidth + gap - 8, y + boxHeight / 2);
    }
    c.text(QStringLiteral("elke minuut een meting  ·  bij afwijking direct een bericht"), "sans 13",
           Ink {95, 105, 120}, 390, 262, Anchor::Centre);
    const QByteArray png = c.png();
    if (c.error)
        *error = *c.error;
    return png;
}

const char sensorNote[]
    = "# Sensoren van sluis Eefde uitlezen\n\n"
      "De sensoren op de sluisdeuren sturen elke minuut hun meting naar de meetserver in "
      "Kruiningen. Wijkt een meting af, dan zet de meetserver een bericht in de groep "
      "*ICT-nieuws*.\n\n"
      "## Zelf de laatste waterstand ophalen\n\n"
      "1. Open de meetserver in de browser en log in met je account van het waterschap.\n"
      "2. Kies *Eefde* en dan *deur oost* of *deur west*.\n"
      "3. Onder *Laatste meting* staan de waterstand in centimeters en het tijdstip.\n\n"
      "| deur | meet | om de |\n"
      "|------|------|-------|\n"
      "| oost | waterstand, stand van de deur | minuut |\n"
      "| west | waterstand, stand van de deur | minuut |\n\n"
      "Vragen? Stuur Chantal een bericht op Plein.\n";

} // namespace

QByteArray demoCover(int scene, QString* error)
{
    if (VIPS_INIT("plein-server") != 0) {
        *error = QStringLiteral("libvips did not start");
        return {};
    }
    constexpr int w = 1200;
    constexpr int h = 500;
    // Each scene's sky or paper, from corner to corner.
    const std::array<std::pair<Ink, Ink>, 4> gradients {{
        {Ink {12, 24, 58}, Ink {40, 70, 120}},
        {Ink {255, 214, 170}, Ink {240, 140, 110}},
        {Ink {170, 220, 250}, Ink {230, 245, 250}},
        {Ink {20, 110, 120}, Ink {90, 180, 170}},
    }};
    scene = std::clamp(scene, 0, 3);
    Canvas c(w, h, gradients[size_t(scene)].first, gradients[size_t(scene)].second);
    if (scene == 0) {
        // Night over the lock: the moon, the water between two pairs of doors, lights.
        c.circle(Ink {250, 240, 200}, 960, 120, 56);
        c.circle(Ink {30, 52, 96}, 985, 105, 50);
        c.rect(Ink {18, 60, 110}, 0, 330, w, 170);
        for (int x : {300, 340, 820, 860})
            c.rect(Ink {70, 60, 52}, x, 240, 26, 190);
        c.rect(Ink {90, 82, 70}, 260, 228, 140, 14);
        c.rect(Ink {90, 82, 70}, 780, 228, 140, 14);
        for (int x : {313, 353, 833, 873})
            c.circle(Ink {255, 200, 90}, x, 222, 7);
        for (int i = 0; i < 9; ++i)
            c.line(Ink {60, 110, 170}, 80 + i * 120, 380 + (i % 3) * 30, 150 + i * 120,
                   380 + (i % 3) * 30, 2);
    } else if (scene == 1) {
        // A page being written: lines of text and a pen.
        c.rect(Ink {200, 120, 95}, 388, 58, 440, 420);
        c.rect(Ink {255, 253, 248}, 380, 50, 440, 420);
        c.rect(Ink {40, 48, 61}, 420, 95, 260, 16);
        for (int i = 0; i < 11; ++i)
            c.rect(Ink {200, 205, 214}, 420, 140 + i * 26, i % 4 == 3 ? 220 : 360, 8);
        for (int i = 0; i < 22; ++i)
            c.line(Ink {40, 48, 61}, 860 + i * 6, 380 - i * 10, 880 + i * 6, 380 - i * 10, 6);
    } else if (scene == 3) {
        // Three pillars under one roof: safe, clean, together.
        c.rect(Ink {235, 245, 240}, 330, 110, 540, 36);
        c.rect(Ink {235, 245, 240}, 360, 90, 480, 24);
        const Ink pillars[] = {Ink {0, 110, 184}, Ink {42, 157, 143}, Ink {231, 111, 81}};
        for (int i = 0; i < 3; ++i)
            c.rect(pillars[i], 380 + i * 170, 160, 100, 230);
        c.rect(Ink {235, 245, 240}, 330, 390, 540, 30);
        c.text(QStringLiteral("2030"), "sans bold 40", Ink {235, 245, 240}, 600, 460,
               Anchor::Centre);
    } else {
        // The polder at noon: the sun, the dike, a path.
        c.circle(Ink {255, 210, 90}, 200, 110, 60);
        c.rect(Ink {120, 180, 90}, 0, 300, w, 200);
        c.rect(Ink {96, 160, 72}, 0, 260, w, 50);
        for (int i = 0; i < 12; ++i)
            c.line(Ink {214, 190, 150}, 560 - i * 30, 310 + i * 16, 640 + i * 30, 310 + i * 16, 8);
        for (int x : {900, 960, 1040})
            c.circle(Ink {60, 120, 60}, x, 230, 34);
    }
    const QByteArray png = c.png();
    if (c.error)
        *error = *c.error;
    return png;
}

bool hasDemoPhotos(ServerCore& core, const User& anna)
{
    const auto p = core.capability<PeopleCapability>().store().find(anna.id);
    return p && p.value() && !p.value()->photo.isEmpty();
}

std::optional<QString> seedDemoFiles(ServerCore& core, const QHash<QString, User>& users)
{
    if (VIPS_INIT("plein-server") != 0)
        return QStringLiteral("libvips did not start: %1")
            .arg(QString::fromUtf8(vips_error_buffer()).trimmed());
    FileService& files = core.capability<FilesCapability>().service();
    PeopleService& people = core.capability<PeopleCapability>().service();
    FeedService& feed = core.capability<FeedCapability>().service();
    ChatService& chat = core.capability<ChatCapability>().service();
    int n = 0;
    const auto clientId = [&n]() { return QStringLiteral("demo-files-%1").arg(++n); };
    const auto user = [&](const char* name) { return users.value(QString::fromLatin1(name)); };
    QString error;
    const auto store
        = [&](const char* who, const char* name, const QByteArray& content) -> QString {
        if (!error.isEmpty())
            return {};
        if (content.isEmpty()) {
            error = QStringLiteral("%1 could not be drawn").arg(QString::fromLatin1(name));
            return {};
        }
        auto f = files.storeBytes(user(who), QString::fromUtf8(name), content);
        if (!f) {
            error = QStringLiteral("%1: %2").arg(QString::fromLatin1(name), f.error().message);
            return {};
        }
        return f->id;
    };

    // Everyone's photo, in colours of their own.
    struct Colours
    {
        const char* username;
        Ink from;
        Ink to;
    };
    const Colours colours[] = {
        {"anna", Ink {255, 154, 139}, Ink {190, 60, 110}},
        {"bram", Ink {120, 200, 240}, Ink {20, 90, 170}},
        {"chantal", Ink {150, 225, 170}, Ink {30, 130, 110}},
        {"daan", Ink {255, 205, 110}, Ink {215, 110, 40}},
        {"eva", Ink {200, 170, 245}, Ink {100, 70, 180}},
    };
    for (const Colours& c : colours) {
        const User person = user(c.username);
        QString drawError;
        const QByteArray png = avatar(person.displayName, c.from, c.to, &drawError);
        if (!drawError.isEmpty())
            return QStringLiteral("the photo of %1: %2").arg(person.username, drawError);
        const QString id = store(c.username, "foto.png", png);
        if (!error.isEmpty())
            return error;
        auto r = people.updateProfile(
            person,
            {{QStringLiteral("clientId"), clientId()}, {QStringLiteral("photoFileId"), id}});
        if (!r)
            return QStringLiteral("the photo of %1: %2").arg(person.username, r.error().message);
    }

    // A chart with its numbers, and a diagram with a note, on the company feed.
    QString drawError;
    const QString chart = store("bram", "peilstand-terneuzen.png", levelsChart(&drawError));
    const QString csv = store("bram", "peilstand-terneuzen.csv", levelsCsv());
    const QString diagram = store("chantal", "sensoren-sluis-eefde.png", sensorDiagram(&drawError));
    const QString note = store("chantal", "sensoren-uitlezen.md", QByteArray(sensorNote));
    if (!drawError.isEmpty())
        return drawError;
    if (!error.isEmpty())
        return error;
    const auto post = [&](const char* who, const QString& body, const QStringList& attachments) {
        auto r = feed.create(
            user(who),
            {{QStringLiteral("clientId"), clientId()},
             {QStringLiteral("body"), body},
             {QStringLiteral("attachments"), QJsonArray::fromStringList(attachments)}});
        if (!r && error.isEmpty())
            error = r.error().message;
    };
    post("bram",
         QStringLiteral("De peilstanden bij Terneuzen van de afgelopen week: alles binnen de "
                        "marge, met één uitschieter. De grafiek en de cijfers staan erbij."),
         {chart, csv});
    post("chantal",
         QStringLiteral("Zo komen de metingen van de sluisdeuren in Eefde bij ons binnen. In de "
                        "notitie staat hoe je zelf de laatste waterstand ophaalt."),
         {diagram, note});

    // The chart bram promised anna, in their conversation.
    auto opened = chat.open(
        user("bram"),
        {{QStringLiteral("clientId"), clientId()}, {QStringLiteral("userId"), user("anna").id}});
    if (!opened)
        return opened.error().message;
    const qint64 direct = qint64(opened->result.value(QLatin1StringView("conversation"))
                                     .toObject()
                                     .value(QLatin1StringView("id"))
                                     .toDouble());
    auto sent = chat.send(user("bram"),
                          {{QStringLiteral("clientId"), clientId()},
                           {QStringLiteral("conversationId"), direct},
                           {QStringLiteral("body"),
                            QStringLiteral("Hier is de grafiek voor het kader in de nieuwsbrief, "
                                           "met de cijfers erbij.")},
                           {QStringLiteral("attachments"), QJsonArray {chart, csv}}});
    if (!sent)
        return sent.error().message;
    // And a picture alone, without a word: a file is a message too.
    sent = chat.send(user("bram"),
                     {{QStringLiteral("clientId"), clientId()},
                      {QStringLiteral("conversationId"), direct},
                      {QStringLiteral("body"), QString()},
                      {QStringLiteral("attachments"), QJsonArray {diagram}}});
    if (!sent)
        return sent.error().message;
    if (!error.isEmpty())
        return error;
    return std::nullopt;
}

} // namespace plein::server
