//! The integration tests of tidings live in `tests/it/`; this crate only carries their dependencies.
