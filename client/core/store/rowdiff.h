#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QSet>

#include <type_traits>

namespace plein::client {

namespace rowdiff {

// A model's protected notifications, named through a class that makes them public: a pointer
// to such a member is a pointer to QAbstractItemModel's own, callable on any model.
struct Notifications : QAbstractItemModel
{
    using QAbstractItemModel::beginInsertRows;
    using QAbstractItemModel::beginRemoveRows;
    using QAbstractItemModel::beginResetModel;
    using QAbstractItemModel::endInsertRows;
    using QAbstractItemModel::endRemoveRows;
    using QAbstractItemModel::endResetModel;
};

} // namespace rowdiff

// What syncRows() did, by rows of the new list.
struct RowDiff
{
    bool reset = false; // the keys did not line up: every row was replaced at once
    QList<int> changed; // rows kept under their key whose contents differ
    QList<int> belowInserted; // the row right under each run of inserted rows
    QList<int> removedAt; // where each run of removed rows was (the row now there)
};

// Makes `rows` what `next` says, both in the same order of keys (ids and outbox positions never
// change places): runs of rows that went are removed bottom up, runs of new rows go in where
// they belong, one insert a run, so a view lays out only what came and keeps its place; rows
// under a kept key that differ are replaced (the caller sends dataChanged for them, with what
// else it knows changed). Keys that do not line up give one reset instead of nonsense.
template<typename Row, typename KeyOf>
RowDiff syncRows(QAbstractItemModel& model, QList<Row>& rows, const QList<Row>& next, KeyOf keyOf)
{
    using N = rowdiff::Notifications;
    using Key = std::decay_t<std::invoke_result_t<KeyOf, const Row&>>;
    RowDiff diff;
    QSet<Key> nextKeys;
    nextKeys.reserve(next.size());
    for (const Row& row : next)
        nextKeys.insert(keyOf(row));
    for (int i = int(rows.size()) - 1; i >= 0;) {
        if (nextKeys.contains(keyOf(rows.at(i)))) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !nextKeys.contains(keyOf(rows.at(first - 1))))
            --first;
        (model.*(&N::beginRemoveRows))(QModelIndex(), first, i);
        rows.remove(first, i - first + 1);
        (model.*(&N::endRemoveRows))();
        diff.removedAt.append(first);
        i = first - 1;
    }
    QSet<Key> kept;
    kept.reserve(rows.size());
    for (const Row& row : std::as_const(rows))
        kept.insert(keyOf(row));
    for (int k = 0; k < next.size();) {
        if (!kept.contains(keyOf(next.at(k)))) {
            int last = k;
            while (last + 1 < next.size() && !kept.contains(keyOf(next.at(last + 1))))
                ++last;
            (model.*(&N::beginInsertRows))(QModelIndex(), k, last);
            for (int j = k; j <= last; ++j)
                rows.insert(j, next.at(j));
            (model.*(&N::endInsertRows))();
            if (last + 1 < next.size())
                diff.belowInserted.append(last + 1);
            k = last + 1;
            continue;
        }
        if (k >= rows.size() || keyOf(rows.at(k)) != keyOf(next.at(k))) {
            (model.*(&N::beginResetModel))();
            rows = next;
            (model.*(&N::endResetModel))();
            return RowDiff {true, {}, {}, {}};
        }
        if (!(rows.at(k) == next.at(k))) {
            rows[k] = next.at(k);
            diff.changed.append(k);
        }
        ++k;
    }
    return diff;
}

} // namespace plein::client
