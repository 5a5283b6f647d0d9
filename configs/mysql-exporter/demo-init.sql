-- Demo MariaDB of configs/docker-compose.yml (profile "demo"): the account mysql-exporter logs in with.
-- For a real server run the same statements with a password of your own and put it in MYSQL_PASSWORD.
--
-- Connection limit: the exporter keeps a pool of up to 4 connections per server it watches (one pool for
-- --mysqld.address and one per /probe target and auth_module). The compose stack scrapes this server both ways,
-- so 8 can be open at once; mysqld_exporter's usual MAX_USER_CONNECTIONS 3 would make scrapes wait and fail.
CREATE USER IF NOT EXISTS 'exporter'@'%' IDENTIFIED BY 'exporter';
ALTER USER 'exporter'@'%' WITH MAX_USER_CONNECTIONS 10;
GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'%';
-- MariaDB 10.5 and later moved SHOW SLAVE STATUS from REPLICATION CLIENT to SLAVE MONITOR: without it the
-- slave_status collector fails on every scrape. MySQL has no such privilege: leave this line out there.
GRANT SLAVE MONITOR ON *.* TO 'exporter'@'%';
