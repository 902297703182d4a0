#include "tokenstore.h"

#include <QUrl>
#include <qt6keychain/keychain.h>

namespace plein::app {

namespace {

const QString service = QStringLiteral("plein");

TokenStore::Status statusOf(const QKeychain::Job& job)
{
    switch (job.error()) {
    case QKeychain::NoError:
        return TokenStore::Status::Ok;
    case QKeychain::EntryNotFound:
        return TokenStore::Status::NotFound;
    default:
        return TokenStore::Status::NoKeyring;
    }
}

} // namespace

TokenStore::TokenStore(QObject* parent)
    : QObject(parent)
{ }

QString TokenStore::accountFor(const QUrl& server, const QString& username)
{
    return QStringLiteral("%1@%2").arg(username.toLower(), server.toString());
}

void TokenStore::lookup(const QString& account, Answer answer)
{
    // Jobs delete themselves once finished; until then this store is their parent.
    auto* job = new QKeychain::ReadPasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [job, answer](QKeychain::Job*) {
        const Status status = statusOf(*job);
        answer(status, status == Status::Ok ? job->textData() : job->errorString());
    });
    job->start();
}

void TokenStore::store(const QString& account, const QString& token, Answer answer)
{
    auto* job = new QKeychain::WritePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [job, answer](QKeychain::Job*) {
        const Status status = statusOf(*job);
        answer(status == Status::NotFound ? Status::NoKeyring : status, job->errorString());
    });
    job->start();
}

void TokenStore::forget(const QString& account, Answer answer)
{
    auto* job = new QKeychain::DeletePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [job, answer](QKeychain::Job*) {
        if (answer)
            answer(statusOf(*job), job->errorString());
    });
    job->start();
}

void TokenStore::read(const QString& account, Done done)
{
    lookup(account, [done](Status status, const QString& tokenOrError) {
        done(status == Status::Ok, tokenOrError);
    });
}

void TokenStore::write(const QString& account, const QString& token, Done done)
{
    store(account, token, [done](Status status, const QString& error) {
        if (status == Status::Ok)
            done(true, QString());
        else
            done(false,
                 tr("No keyring is available, so you will be asked to log in next time (%1).")
                     .arg(error));
    });
}

void TokenStore::remove(const QString& account)
{
    forget(account);
}

} // namespace plein::app
