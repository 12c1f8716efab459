"""Development tools: the load benchmark and the synthetic data it loads. Not part of the site
(nothing in meetings/ imports them); run them with `python -m bench`."""
