// RUN: tt-opt %s --allow-unregistered-dialect -split-input-file -verify-diagnostics

// expected-error @+1 {{core range (4, 0) to (2, 3) has its start after its end}}
"test.op"() {r = #tt.core_range<(4, 0) to (2, 3)>} : () -> ()

// -----

// expected-error @+1 {{core ranges 0 and 1 of a core range set overlap}}
"test.op"() {r = #tt.core_range_set<(0, 0) to (3, 3), (3, 3) to (4, 4)>} : () -> ()

// -----

// expected-error @+1 {{unknown device 'grayskull', expected wormhole_b0 or blackhole}}
"test.op"() {d = #tt.device<grayskull>} : () -> ()

// -----

// expected-error @+1 {{unknown device field 'cores', expected grid, l1, dram_banks or clock_mhz}}
"test.op"() {d = #tt.device<wormhole_b0, cores = 64>} : () -> ()

// -----

// expected-error @+1 {{device grid must be at least 1x1}}
"test.op"() {d = #tt.device<wormhole_b0, grid = 0x8>} : () -> ()

// -----

// expected-error @+1 {{core range set must not be empty}}
"test.op"() {r = #tt.core_range_set<>} : () -> ()
