# SecureBase — `make run` and `make test` are all a newcomer needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Find a Python 3.10 (Rasa 3.6 supports 3.8-3.10; on 3.11 pip silently picks rasa 1.10).
# A candidate must really run: pyenv's shim exists even when 3.10 is not selected.
PYTHON310 ?= $(shell for c in python3.10 $(HOME)/.pyenv/versions/3.10.*/bin/python3.10 \
  /usr/local/bin/python3.10 /usr/bin/python3.10; do \
  if $$c -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; then \
  command -v $$c; break; fi; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MODEL := models/securebase.tar.gz
RASA_DATA := data/nlu data/rules data/stories
TRAINING_INPUTS := config.yml domain.yml $(shell find data/nlu data/rules data/stories -name '*.yml' 2>/dev/null) $(wildcard bot/nlu/*.py bot/dialogue/*.py)
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: help install assets train run test test-fast check lint typecheck eval eval-nlu eval-typed bench bench-scoring bench-risk bench-conversation bench-abuse bench-load validate clean

help:
	@echo "make run    install, train when needed, migrate, start Rasa (5005), actions (5055), web (8000)"
	@echo "make test   install, lint, type-check, then run the whole test suite"
	@echo "make eval | eval-nlu | eval-typed | bench | check | lint | typecheck | train | clean"

$(STAMP): pyproject.toml constraints.txt
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "SecureBase needs Python 3.10 (Rasa 3.6 supports 3.8-3.10)."; \
	  echo "Install it, e.g. 'pyenv install 3.10' or 'apt-get install python3.10 python3.10-venv',"; \
	  echo "or point PYTHON310=/path/to/python3.10 at one."; exit 1; fi
	@[ -x $(PY) ] || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) assets

# The chat widget's browser dependency (socket.io-client) comes from the npm
# registry at build time; nothing from node_modules is committed.
assets:
	@if [ -x scripts/build-widget.sh ]; then bash scripts/build-widget.sh; fi

$(MODEL): $(STAMP) $(TRAINING_INPUTS)
	$(VENV)/bin/rasa train --data $(RASA_DATA) --config config.yml --domain domain.yml \
	  --out models --fixed-model-name securebase
	@touch $(MODEL)

train: $(MODEL)

validate: $(STAMP)
	$(VENV)/bin/rasa data validate --data $(RASA_DATA) --domain domain.yml --config config.yml

run: $(MODEL) assets
	$(PY) -m bot.launcher

# check comes before assets and the system packages so a lint or type error fails in seconds.
test: $(STAMP) check assets
	bash scripts/ensure-system-packages.sh
	$(VENV)/bin/pytest

test-fast: $(STAMP)
	$(VENV)/bin/pytest -m "not integration and not browser"

check: lint typecheck

lint: $(STAMP)
	$(VENV)/bin/ruff check bot actions tests

# The same packages as [tool.mypy] packages in pyproject.toml.
typecheck: $(STAMP)
	$(VENV)/bin/mypy bot actions

eval: $(STAMP)
	@mkdir -p var/eval
	$(PY) -m bot.evaluation.scoring_eval --out var/eval/scoring.json
	$(PY) -m bot.evaluation.risk_eval --out var/eval/risk.json

# Typed-message sets (issue 12) on the dev files: module choice and concept questions
# through the real servers on free loopback ports, the rubric's views (a few minutes).
eval-typed: $(MODEL)
	@mkdir -p var/eval
	$(PY) -m bot.evaluation.typed_eval --out var/eval/typed.json

# 5-fold NLU cross-validation (20-25 min on two cores); fails if ask_concept F1 < 0.95.
eval-nlu: $(STAMP)
	$(PY) -m bot.evaluation.nlu_cv --folds 5 --out var/eval/nlu_cv

bench-scoring: $(STAMP)
	@mkdir -p var/bench
	$(PY) -m bot.evaluation.bench_scoring --out var/bench/scoring.json

bench-conversation: $(MODEL)
	@mkdir -p var/bench
	$(PY) -m bot.evaluation.bench_conversation --out var/bench/conversation.json

bench-risk: $(STAMP)
	@mkdir -p var/bench
	$(PY) -m bot.evaluation.bench_risk --out var/bench/risk.json

# Floods and bad input against the real servers; fails if any message was lost.
bench-abuse: $(MODEL)
	@mkdir -p var/bench
	$(PY) -m bot.evaluation.bench_abuse --out var/bench/abuse.json

# SecureBase against a stock `rasa init` bot (trained once under var/bench/stock) under
# load: 20 people at once and one person x 300 turns; writes var/bench/load.json.
bench-load: $(MODEL)
	@mkdir -p var/bench
	$(PY) -m bot.evaluation.bench_load --out var/bench/load.json

bench: bench-scoring bench-risk bench-conversation bench-abuse bench-load

clean:
	rm -rf models .rasa var results .pytest_cache
