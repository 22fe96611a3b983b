# Thin wrapper around CMake presets. `make run` and `make test` are what a newcomer types.
PRESET ?= release
JOBS ?= $(shell nproc)
BUILD := build/$(PRESET)

.PHONY: all deps configure build run demo test bench asan clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The main job: the development node (duskd --dev) in the foreground, Ctrl-C to stop.
run: build
	@scripts/run-node.sh $(BUILD)

# The engines' walkthroughs: dusk-wasm on a bundled program, a token through dusk-vm.
demo: build
	@scripts/run-demo.sh $(BUILD)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@scripts/bench.sh $(BUILD)
	@scripts/bench-crypto.sh $(BUILD)
	@scripts/bench-bn254.sh $(BUILD)
	@scripts/bench-zk.sh $(BUILD)
	@scripts/bench-evm.sh $(BUILD)
	@echo "DuskVM host queries: time beside price"
	@$(BUILD)/bench/vm_queries
	@echo "DuskVM commits (4 KiB against 64 KiB pages) and deploys"
	@$(BUILD)/bench/vm_commit
	@echo "DuskVM token transfers: calls alone, and with a commit every 1,000"
	@$(BUILD)/bench/vm_token
	@echo "DuskVM token transfers beside ERC-20 transfers on DuskEVM (skipped without npm ci)"
	@if [ -x $(BUILD)/bench/token_vs_erc20 ]; then $(BUILD)/bench/token_vs_erc20 --runs 3; fi
	@echo "DuskEVM state in the database: a block against the in-memory whole-state root"
	@$(BUILD)/bench/evm_state_db
	@echo "DuskDS: Moonlight transactions (decoding, signatures, mempool admission)"
	@$(BUILD)/bench/bench_duskds --benchmark_min_time=0.3 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	@echo "storage: 500 kills of a writer at random moments"
	@DUSK_CRASH_ROUNDS=500 $(BUILD)/tests/unit/storage/storage_crash_test --gtest_brief=1
	@echo "DuskVM: 200 kills of a committing session"
	@DUSK_CRASH_ROUNDS=200 $(BUILD)/tests/unit/duskvm/vm_session_crash_test --gtest_brief=1
	@echo "DuskEVM: 60 kills of a block writer"
	@DUSK_CRASH_ROUNDS=60 $(BUILD)/tests/unit/duskevm/duskevm_db_state_crash_test --gtest_brief=1
	@echo "duskd's JSON-RPC beside anvil: ERC-20 transfers, eth_call, submission to receipt"
	@DUSKD=$(BUILD)/apps/duskd/duskd node bench/rpc/rpc_vs_anvil.mjs --senders 100 --per-sender 10 --seconds 3 --latency-samples 50
	@echo "duskd: Moonlight transfers into final blocks at 0.5 s blocks (4,000 senders, 5,000/s offered)"
	@$(BUILD)/bench/node_throughput --senders 4000 --per-sender 5 --rate 5000
	@echo "duskd: 300 kills under load"
	@DUSK_CRASH_ROUNDS=300 $(BUILD)/tests/e2e/node/duskd_e2e_test --gtest_filter='*Kills*' --gtest_brief=1

# Unit and conformance tests under AddressSanitizer + UndefinedBehaviorSanitizer.
asan:
	@$(MAKE) test PRESET=asan

clean:
	rm -rf build
