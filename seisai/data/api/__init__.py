"""Reference data of the HTTP API: datasets and collections."""
