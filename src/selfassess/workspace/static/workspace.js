// The editor's live findings, and a warning before leaving with unsaved changes.
// Everything else (saving, adding an action, publishing) is a plain form that works without it.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) {
    return;
  }
  var DELAY = 300; // ms after the last keystroke before the page asks for findings
  var kept = JSON.parse(form.getAttribute("data-kept") || "[]"); // fields holding typed, unsaved text
  var state = document.getElementById("save-state");
  var quiet = state.textContent;
  var timer = null;
  var asked = 0; // the number of the latest request: an older answer is never shown over a newer one
  var busy = false;
  var again = false;
  var submitting = false;
  var typing = ""; // the name of the field typed in last

  function isOwn(name) {
    return name && name.charAt(0) !== "_";
  }

  // The fields whose value differs from what the page was loaded with.
  function changedNames() {
    var names = {};
    kept.forEach(function (name) { names[name] = true; });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!isOwn(el.name) || el.disabled) {
        return;
      }
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked !== el.defaultChecked) { names[el.name] = true; }
      } else if (el.tagName === "SELECT") {
        Array.prototype.forEach.call(el.options, function (option) {
          if (option.selected !== option.defaultSelected) { names[el.name] = true; }
        });
      } else if (el.type !== "hidden" && el.value !== el.defaultValue) {
        names[el.name] = true;
      }
    });
    return names;
  }

  function payload(names) {
    var data = new FormData();
    ["_csrf", "_version", "_part"].forEach(function (name) {
      data.append(name, form.elements[name].value);
    });
    data.append("_typing", typing); // the server remembers the rest from the last check
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!names[el.name] || el.disabled) {
        return;
      }
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) {
        return;
      }
      if (el.tagName === "SELECT") {
        Array.prototype.forEach.call(el.selectedOptions, function (option) { data.append(el.name, option.value); });
        return;
      }
      data.append(el.name, el.value);
    });
    return data;
  }

  function showState(names) {
    var unsaved = Object.keys(names).length > 0;
    state.textContent = unsaved ? "Unsaved changes: press Save (or Ctrl+S) to write them to the file." : quiet;
    state.className = unsaved ? "save-state unsaved" : "save-state";
  }

  // Each element of the answer replaces the element of the page with the same id.
  function place(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html;
    // A copy of the list: each element leaves the template as it is placed.
    Array.prototype.slice.call(holder.content.children).forEach(function (el) {
      var old = el.id && document.getElementById(el.id);
      if (old) {
        old.replaceWith(el);
      }
    });
  }

  function check() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    var names = changedNames();
    var number = ++asked;
    fetch(form.getAttribute("data-check"), { method: "POST", body: payload(names), credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (text) { return { ok: response.ok, text: text }; });
      })
      .then(function (answer) {
        if (number !== asked) {
          return;
        }
        if (answer.ok) {
          place(answer.text);
        } else {
          var problems = document.getElementById("live-problems");
          var page = new DOMParser().parseFromString(answer.text, "text/html");
          problems.textContent = (page.querySelector("p") || page.body).textContent;
          problems.hidden = false;
        }
      })
      .catch(function () {
        var problems = document.getElementById("live-problems");
        problems.textContent = "The workspace is not answering (was selfassess serve stopped?); your typing is still here.";
        problems.hidden = false;
      })
      .finally(function () {
        busy = false;
        if (again) {
          again = false;
          check();
        }
      });
  }

  function edited(event) {
    if (event.target && isOwn(event.target.name)) {
      typing = event.target.name;
    }
    showState(changedNames());
    clearTimeout(timer);
    timer = setTimeout(check, DELAY);
  }

  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  form.addEventListener("submit", function () { submitting = true; });
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "s" || event.key === "S")) {
      event.preventDefault();
      submitting = true;
      form.requestSubmit();
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (!submitting && Object.keys(changedNames()).length > 0) {
      event.preventDefault();
      event.returnValue = ""; // the browser asks "Leave site? Changes you made may not be saved."
    }
  });
  if (kept.length) {
    showState(changedNames());
    check();
  }
})();
