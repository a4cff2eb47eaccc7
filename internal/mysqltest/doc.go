// Package mysqltest gives tests of the MySQL-family adapters their
// database: the server named by BEIAN_TEST_MYSQL (a DSN of
// github.com/go-sql-driver/mysql), one fresh database per test, and the
// Galera cluster named by BEIAN_TEST_GALERA for the fault tests.
//
// Start the servers with scripts/mariadb.sh (one server) and
// scripts/galera.sh (three nodes on loopback); both print the lines to
// export.
package mysqltest
