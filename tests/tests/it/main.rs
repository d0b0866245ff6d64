//! Integration tests: the three services against real RabbitMQ and
//! PostgreSQL. See `helpers` for the isolation each test gets.

mod actors;
mod deploy;
mod events_gold;
mod fetcher;
mod flat;
mod helpers;
mod observability;
mod outage;
mod pipeline;
mod replay;
mod reprocess;
mod schema;
mod ssrf;
