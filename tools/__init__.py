"""Development tools: the reading corpus, its evaluation, and the training of the shortfall model.

Nothing here ships with selfassess; tests and benchmarks use it.
"""
