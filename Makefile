# tidings: `make up` runs the whole pipeline on the bundled sample,
# `make test` runs every test. See README.md.

CARGO      ?= cargo
RUN_DIR    ?= run
BIN        ?= $(if $(CARGO_TARGET_DIR),$(CARGO_TARGET_DIR),target)/release
DB_HOST    ?= 127.0.0.1:5432/tidings
# Migrations run as the database owner; each service runs as its own
# least-privilege role (migrations/V7__roles.sql).
DB_URL     ?= postgres://postgres@$(DB_HOST)
PROJECTOR_DB_URL ?= postgres://tidings_projector@$(DB_HOST)
FETCHER_DB_URL   ?= postgres://tidings_fetcher@$(DB_HOST)
READER_DB_URL    ?= postgres://tidings_reader@$(DB_HOST)
export TIDINGS_DATABASE_URL ?= $(DB_URL)
export TIDINGS_LOG_FORMAT ?= json

.PHONY: up down services build test lint fmt gazetteers clusters train eval-ner eval-events eval-actors bench bench-e2e bench-backfill chaos image news-png clean

## Install and start PostgreSQL and RabbitMQ, build, migrate, start the three
## services, ingest samples/ and print the sample's entities and events.
up: services build
	@mkdir -p $(RUN_DIR)
	@$(BIN)/tidings-projector migrate
	@$(MAKE) --no-print-directory down >/dev/null
	@TIDINGS_HTTP_ADDR=127.0.0.1:9102 nohup $(BIN)/tidings-extractor run > $(RUN_DIR)/extractor.log 2>&1 & echo $$! > $(RUN_DIR)/extractor.pid
	@TIDINGS_DATABASE_URL=$(PROJECTOR_DB_URL) TIDINGS_HTTP_ADDR=127.0.0.1:9103 nohup $(BIN)/tidings-projector run > $(RUN_DIR)/projector.log 2>&1 & echo $$! > $(RUN_DIR)/projector.pid
	@TIDINGS_DATABASE_URL=$(FETCHER_DB_URL) TIDINGS_HTTP_ADDR=127.0.0.1:9101 TIDINGS_FEEDS=deploy/feeds.txt nohup $(BIN)/tidings-fetcher run > $(RUN_DIR)/fetcher.log 2>&1 & echo $$! > $(RUN_DIR)/fetcher.pid
	@for port in 9101 9102 9103; do \
	  for i in $$(seq 1 100); do curl -fs http://127.0.0.1:$$port/readyz >/dev/null && break; sleep 0.2; done; \
	  curl -fs http://127.0.0.1:$$port/readyz >/dev/null || { echo "service on :$$port is not ready; see $(RUN_DIR)/*.log"; exit 1; }; \
	done
	@TIDINGS_DATABASE_URL=$(FETCHER_DB_URL) $(BIN)/tidings-fetcher ingest samples/
	@TIDINGS_DATABASE_URL=$(READER_DB_URL) scripts/show-sample.sh

## Stop what `make up` started.
down:
	@for service in fetcher extractor projector; do \
	  if [ -f $(RUN_DIR)/$$service.pid ]; then \
	    kill $$(cat $(RUN_DIR)/$$service.pid) 2>/dev/null || true; rm -f $(RUN_DIR)/$$service.pid; \
	  fi; \
	done

services:
	@scripts/services.sh

build:
	$(CARGO) build --release --locked --bins

## Every test: unit tests and the integration tests on real services.
test: services
	$(CARGO) test --workspace --locked

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

fmt:
	$(CARGO) fmt --all

## Regenerate crates/nlp/data from ../shared/data.
gazetteers:
	python3 scripts/gen_gazetteers.py $(DATA)

DATA       ?= ../shared/data
LAB        := $(BIN)/tidings-lab
MODEL_DATA := crates/nlp/data

## Word clusters from Reuters-21578 and BBC News (about a minute).
clusters:
	$(CARGO) build --release --locked -p tidings-lab
	$(LAB) clusters --reuters $(DATA)/reuters21578 --bbc $(DATA)/bbc --out $(MODEL_DATA)/clusters.tsv

## The NER model from CoNLL-2003 train, epoch picked on testa. The committed
## clusters and name lists are inputs: the output is bit-for-bit the
## committed model (rerun `make clusters gazetteers` first to rebuild those).
train:
	$(CARGO) build --release --locked -p tidings-lab
	$(LAB) train --train $(DATA)/conll2003/eng.train --dev $(DATA)/conll2003/eng.testa \
	  --clusters $(MODEL_DATA)/clusters.tsv --lists $(MODEL_DATA)/ner_lists.tsv --out $(MODEL_DATA)/ner.model
	@git diff --quiet -- $(MODEL_DATA)/ner.model 2>/dev/null && echo "ner.model: identical to the committed model" || echo "ner.model: differs from the committed model"

## Scores of the bundled model on CoNLL-2003 testa.
eval-ner:
	$(CARGO) build --release --locked -p tidings-lab
	$(LAB) eval-ner $(DATA)/conll2003/eng.testa

## Tagging speed against tokenisation, measured in the same run.
bench:
	$(CARGO) bench --locked -p tidings-lab --bench ner

## The whole pipeline on this machine (release binaries, local RabbitMQ and
## PostgreSQL), all of Reuters-21578 by default (CORPUS=... for another),
## beside the raw broker and COPY rates measured in the same run.
bench-e2e: services
	$(CARGO) build --release --locked --bins
	TIDINGS_BIN=$(BIN) $(BIN)/tidings-bench-e2e

## Re-analysing history after an upgrade: the backfill's rate and live
## articles' latency meanwhile (all of Reuters-21578 by default).
bench-backfill: services
	$(CARGO) build --release --locked --bins
	TIDINGS_BIN=$(BIN) $(BIN)/tidings-bench-backfill

## The fault suite: two extractors and two projectors under SIGKILL, a
## broker restart and a database restart, against a clean run. It restarts
## this machine's RabbitMQ and PostgreSQL: run it alone.
chaos: services
	$(CARGO) build --release --locked --bins
	TIDINGS_BIN=$(BIN) $(BIN)/tidings-chaos

## The news dashboard drawn to run/news.png from the read model `make up`
## fills (Debian packages no Grafana): the dashboard's own SQL, as the
## dashboards' read-only role.
news-png:
	@/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-matplotlib >/dev/null
	@mkdir -p $(RUN_DIR)
	/usr/bin/python3 scripts/render_news.py $(READER_DB_URL) $(RUN_DIR)/news.png

## The service image (where Docker runs): the three binaries, non-root.
VERSION    := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
image:
	docker build -f deploy/docker/Dockerfile -t tidings:$(VERSION) .

## Precision and recall of the event coder on the committed gold file.
eval-events:
	$(CARGO) build --release --locked -p tidings-lab
	$(LAB) eval-events crates/lab/gold/events.gold.jsonl --data $(DATA)

## Accuracy of the actors (keys, kinds, countries, sectors, codes) on the
## held-out gold file; GOLD_ACTORS=crates/lab/gold/actors.dev.jsonl for the
## development set.
GOLD_ACTORS ?= crates/lab/gold/actors.gold.jsonl
eval-actors:
	$(CARGO) build --release --locked -p tidings-lab
	$(LAB) eval-actors $(GOLD_ACTORS) --data $(DATA)

clean: down
	rm -rf $(RUN_DIR)
