#include "tokenstore.h"

#include <qt6keychain/keychain.h>

namespace plein::app {

namespace {

const QString service = QStringLiteral("plein");

} // namespace

TokenStore::TokenStore(QObject* parent)
    : QObject(parent)
{ }

void TokenStore::read(const QString& account, Done done)
{
    auto* job = new QKeychain::ReadPasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job*) {
        if (job->error() == QKeychain::NoError)
            done(true, job->textData());
        else
            done(false, job->errorString());
    });
    job->start();
}

void TokenStore::write(const QString& account, const QString& token, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job*) {
        if (job->error() == QKeychain::NoError)
            done(true, QString());
        else
            done(false,
                 tr("No keyring is available, so you will be asked to log in next time (%1).")
                     .arg(job->errorString()));
    });
    job->start();
}

void TokenStore::remove(const QString& account)
{
    auto* job = new QKeychain::DeletePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->start();
}

} // namespace plein::app
