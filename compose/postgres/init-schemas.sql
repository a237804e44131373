-- One schema per Wharf service (run once, when the PostgreSQL data directory is first created).
CREATE SCHEMA IF NOT EXISTS container_service;
CREATE SCHEMA IF NOT EXISTS image_service;
CREATE SCHEMA IF NOT EXISTS network_service;
CREATE SCHEMA IF NOT EXISTS volume_service;
