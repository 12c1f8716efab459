// The timeline's keys, a small help for keyboard users; every zoom is a link without them.
// "+" (or "=") zooms into the period in focus, or puts the focus on the first period;
// "-" zooms out; "[" and "]" go to the previous and next period.
(function () {
  const timeline = document.querySelector("[data-timeline]");
  if (!timeline) return;
  const keys = timeline.querySelector(".tl-keys");
  if (keys) keys.hidden = false;
  if (new URLSearchParams(location.search).has("period")) {
    // after a zoom the keys go on from the picture, not from the top of the page
    timeline.focus({ preventScroll: false });
  }
  const follow = (event, link) => {
    if (!link) return;
    event.preventDefault();
    link.click();
  };
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.key === "-" || event.key === "_") {
      follow(event, timeline.querySelector('a[data-zoom="out"]'));
    } else if (event.key === "[") {
      follow(event, timeline.querySelector('a[data-zoom="prev"]'));
    } else if (event.key === "]") {
      follow(event, timeline.querySelector('a[data-zoom="next"]'));
    } else if (event.key === "+" || event.key === "=") {
      const here = event.target.closest(".tl-bars a");
      if (here) {
        follow(event, here);
        return;
      }
      const first = timeline.querySelector(".tl-bars a, .tl-marks a");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
})();
