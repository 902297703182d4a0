#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace plein::protocol {

// The most topics one post is tagged with; more are left out.
inline constexpr int maxTopicsPerPost = 20;

// The distinct #topics of a text, in order of first appearance, at most maxTopicsPerPost.
// "#word" counts when '#' starts the text or follows a character that is not a letter, a digit,
// '/', '&', '\' or '#' (so URL fragments, "&#38;" and "\#" are not topics). The word is 2 to 50
// Unicode letters, digits, marks, '_' or '-' with at least one letter ("#1" is an issue
// number, not a topic); a trailing '-' ends the sentence, not the word. Topics are case-folded
// and NFC-normalised, so "#Dijk" and "#dijk" are one topic. Inline code spans and fenced code
// blocks are code, not text: their '#' never counts.
QStringList topicsIn(const QString& text);

// Where a text has "#topic"s by the rule above, code or not: the '#' (UTF-16 index), the end
// of the word, and the topic. The app marks them in what it renders, leaving out code itself.
struct TopicMatch
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString topic;
};
QList<TopicMatch> topicMatches(const QString& text);

// Whether `topic` is one topicsIn() can give: a request naming a topic is checked with it.
bool isValidTopic(const QString& topic);

} // namespace plein::protocol
