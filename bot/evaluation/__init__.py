"""Tooling, not part of the running bot: evaluations and benchmarks run by hand or by make.

Nothing in the Rasa server, the action server or the web process imports this
package. ``make eval`` runs ``scoring_eval`` and ``risk_eval``, ``make eval-nlu``
runs ``nlu_cv``, ``make bench`` runs ``bench_scoring`` and ``bench_conversation``;
``profile_conversation`` explains where a message's time goes. The two
conversation tools share their stack and scripts in ``conversation``.
"""
