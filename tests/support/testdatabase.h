#pragma once

#include <QString>

#include <optional>

namespace plein::test {

// The PostgreSQL database the tests may use, from PLEIN_TEST_POSTGRES
// (postgresql://user@host:port/dbname), which scripts/test.sh sets after starting a private
// PostgreSQL. Under CI (CI=true) a missing database is a failure, never a skip.
std::optional<QString> postgresUrl();
bool postgresRequired();

// In initTestCase_data(): a "backend" column with a row "sqlite", and a row "postgresql" when
// the tests may use it or must (then a missing database fails in that row).
void addBackendRows();

// Drops and recreates the public schema so each test starts from an empty database.
bool resetPostgres(const QString& url, QString* error);

} // namespace plein::test
