"""Name matching: screen people, organisations and vessels against the sanctions lists.

::

    from seisai.matching import Matcher, Query
    matcher = Matcher(entities)
    for match in matcher.screen(Query(names=["ウラジーミル・プーチン"])):
        print(match.score, match.entity.caption, match.explanations["name"].detail)

See docs/matching.md for the pipeline and how scores are built.
"""

from seisai.matching.config import ScoringConfig, scoring_config
from seisai.matching.matcher import DEFAULT_THRESHOLD, Matcher
from seisai.matching.types import Explanation, Match, Query

__all__ = ["DEFAULT_THRESHOLD", "Explanation", "Match", "Matcher", "Query", "ScoringConfig", "scoring_config"]
