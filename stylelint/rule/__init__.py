"""The rule model: the Rule base class, the declarative kinds, the phrase matcher, rule docs and test helpers."""
