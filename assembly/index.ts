// AssemblyScript kernels: re-exports one kernel per file (filled in by the wasm backend work).
