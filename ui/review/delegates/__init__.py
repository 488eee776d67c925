"""One delegate per editor kind: create editor, set editor data, set model data, nothing else."""
