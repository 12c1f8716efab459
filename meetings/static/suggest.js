// Suggestions for the filter form's name boxes (countries, officials, topics, venues,
// occasions): as one types, the box's <datalist> is filled with the names the site knows,
// busiest first. Without this script the boxes still take a typed name or code.
"use strict";
(function () {
  const boxes = document.querySelectorAll("input[data-suggest]");
  const timers = new WeakMap();
  const asked = new WeakMap();

  function fill(list, results) {
    list.replaceChildren(
      ...results.map(function (r) {
        const option = document.createElement("option");
        option.value = r.name;
        const count = r.meetings === 1 ? "1 meeting" : r.meetings + " meetings";
        option.label = (r.detail ? r.detail + " · " : "") + count;
        return option;
      })
    );
  }

  function ask(box) {
    const text = box.value.trim();
    const list = document.getElementById(box.getAttribute("list"));
    if (!list || text.length < 2 || asked.get(box) === text) {
      return;
    }
    asked.set(box, text);
    const address = "/suggest/" + box.dataset.suggest + "/?q=" + encodeURIComponent(text);
    fetch(address, { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (data) {
        if (box.value.trim() === text) {
          fill(list, data.results);
        }
      })
      .catch(function () {});
  }

  boxes.forEach(function (box) {
    box.addEventListener("input", function () {
      clearTimeout(timers.get(box));
      timers.set(box, setTimeout(ask, 150, box));
    });
  });
})();
