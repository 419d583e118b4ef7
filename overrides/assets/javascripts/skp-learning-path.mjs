/*
 * The learning path (partials/skp/learning-path.html): each exercise step shows whether it is not
 * started, in progress or done, from the progress saved in this browser; again after "Ryd alle mine data".
 */
const store = window.SKPStore;  /* skp-privacy.js */

function learningPath() {
  document.querySelectorAll("[data-path-exercise]").forEach(function (step) {
    var saved = store.read("ovelse:" + step.getAttribute("data-path-exercise"));
    var label = !saved.state ? "Ikke startet" : saved.state.done ? "Gennemført" : "I gang";
    step.querySelector("[data-role=path-state]").textContent = label;
    step.setAttribute("data-state", label);
  });
}

document.addEventListener("skp:cleared", learningPath);
document$.subscribe(learningPath);
