-- Demo MariaDB of configs/docker-compose.yml (profile "demo"): the account mysql-exporter logs in with.
-- For a real server run the same statements with a password of your own and put it in MYSQL_PASSWORD.
CREATE USER IF NOT EXISTS 'exporter'@'%' IDENTIFIED BY 'exporter' WITH MAX_USER_CONNECTIONS 3;
GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'%';
