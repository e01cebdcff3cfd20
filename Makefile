# kitgen: two commands on a fresh machine.
#   make demo  -> venv, install, build the sample season into build/
#   make test  -> venv with test extras, run the whole suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEASON := decks/fw26

.PHONY: demo test bench golden venv template sample-data sample-hq brand clean

$(BIN)/kitgen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dask]'
	touch $@

venv: $(BIN)/kitgen

demo: venv
	$(BIN)/kitgen build $(SEASON) --out build/fw26
	@echo "Decks are in build/fw26/ (open build/fw26/manifest.json for the list)"

test: venv
	$(BIN)/python -m pytest -q

bench: venv
	$(BIN)/python tests/benchmarks/bench_season.py
	$(BIN)/python tests/benchmarks/bench_trackers.py

# Rewrite the committed golden outline after a change to the decks made on purpose (review its diff).
golden: venv
	KITGEN_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/build/test_golden.py

# Regenerate committed inputs (each is deterministic).
template: venv
	$(BIN)/python -m generator.tools.make_master

brand: venv
	$(BIN)/python -m generator.tools.brand_art

sample-data: venv
	$(BIN)/python -m generator.tools.sample_data --out $(SEASON)/data

sample-hq: venv
	$(BIN)/python -m generator.tools.sample_hq --out $(SEASON)/hq

clean:
	rm -rf build .pytest_cache
