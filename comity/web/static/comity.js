// comity's web view: the report page's highlights (click or Enter on a marked passage shows
// its records; a record's badge shows its passages). Everything else works without JavaScript.
(function () {
  "use strict";
  const text = document.getElementById("text");
  if (!text) return;
  const selection = document.getElementById("selection");
  const body = document.getElementById("selection-body");

  function marksOf(id) {
    return Array.from(text.querySelectorAll("mark.hl")).filter(
      (m) => m.dataset.r.split(" ").includes(id));
  }

  function clearFocus() {
    document.querySelectorAll(".hl.focus").forEach((m) => m.classList.remove("focus"));
    document.querySelectorAll("li.record.current").forEach((r) => r.classList.remove("current"));
  }

  function show(ids, scrollTo) {
    clearFocus();
    const list = document.createElement("ol");
    ids.forEach((id) => {
      const record = document.getElementById(id);
      if (!record) return;
      record.classList.add("current");
      const copy = record.cloneNode(true);
      copy.removeAttribute("id");
      copy.classList.remove("current");
      list.appendChild(copy);
      marksOf(id).forEach((m) => m.classList.add("focus"));
    });
    body.replaceChildren(list);
    selection.hidden = false;
    if (scrollTo) {
      const first = marksOf(ids[0])[0];
      if (first) first.scrollIntoView({ block: "center" });
    }
  }

  text.addEventListener("click", (ev) => {
    const mark = ev.target.closest("mark.hl");
    if (mark) show(mark.dataset.r.split(" "), false);
  });
  text.addEventListener("keydown", (ev) => {
    const mark = ev.target.closest("mark.hl");
    if (mark && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      show(mark.dataset.r.split(" "), false);
    }
  });
  document.querySelectorAll("button[data-show]").forEach((b) =>
    b.addEventListener("click", () => show([b.dataset.show], true)));

  // /report/12#agreement-7: open on that record
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && document.getElementById(wanted) && wanted.includes("-")) show([wanted], true);
})();
