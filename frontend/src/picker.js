// A type-ahead for the pickers (preventhub/core/pickers.py), in the pattern of GOV.UK's
// accessible-autocomplete: an ARIA 1.2 combobox whose list of matches comes from the picker's
// search endpoint. Without this script the same text box works: the server searches what was typed
// and, if several records match, asks the user to choose one of them.
const DEBOUNCE_MS = 200;
const MIN_CHARS = 2;
const HINT =
  "When results are available use up and down arrows to review and enter to select. " +
  "Touch device users, explore by touch or with swipe gestures.";

class Picker {
  constructor(input) {
    this.input = input;
    this.url = input.dataset.pickerUrl;
    this.plural = input.dataset.pickerPlural || "results";
    this.hidden = input.parentElement.querySelector(
      `input[type="hidden"][name="${CSS.escape(`${input.name}-id`)}"]`,
    );
    this.results = [];
    this.active = -1;
    this.serial = 0;
    this.timer = undefined;
    this.build();
    input.addEventListener("input", () => this.onInput());
    input.addEventListener("keydown", (event) => this.onKeydown(event));
    input.addEventListener("blur", () => this.close());
  }

  build() {
    const { input } = this;
    const id = input.id || input.name;
    this.listbox = document.createElement("ul");
    this.listbox.id = `${id}__listbox`;
    this.listbox.className = "app-picker__menu";
    this.listbox.setAttribute("role", "listbox");
    const label = document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (label) this.listbox.setAttribute("aria-label", label.textContent.trim());
    this.listbox.hidden = true;
    // mousedown would blur the input (and close the list) before the click lands.
    this.listbox.addEventListener("mousedown", (event) => event.preventDefault());
    this.listbox.addEventListener("click", (event) => {
      const option = event.target.closest('[role="option"]:not([aria-disabled="true"])');
      if (option) this.choose(Number(option.dataset.index));
    });
    this.status = document.createElement("div");
    this.status.className = "govuk-visually-hidden";
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-atomic", "true");
    const hint = document.createElement("span");
    hint.id = `${id}__assistive-hint`;
    hint.className = "govuk-visually-hidden";
    hint.textContent = HINT;
    input.after(this.listbox, this.status, hint);
    const describedBy = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", describedBy ? `${describedBy} ${hint.id}` : hint.id);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
  }

  onInput() {
    if (this.hidden) this.hidden.value = ""; // typing drops the earlier choice
    clearTimeout(this.timer);
    const query = this.input.value.trim();
    if (query.length < MIN_CHARS) {
      this.serial += 1;
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.search(query), DEBOUNCE_MS);
  }

  async search(query) {
    this.serial += 1;
    const serial = this.serial;
    const url = new URL(this.url, window.location.href);
    url.searchParams.set("q", query);
    let body;
    try {
      const response = await fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      body = await response.json();
    } catch {
      return; // the form still works: the server searches what was typed on submit
    }
    if (serial !== this.serial || document.activeElement !== this.input) return;
    this.show(body.results || [], Boolean(body.more));
  }

  show(results, more) {
    this.results = results;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    const items = results.map((result, index) => {
      const item = document.createElement("li");
      item.id = `${this.listbox.id}--${index}`;
      item.className = "app-picker__option";
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.setAttribute("aria-posinset", String(index + 1));
      item.setAttribute("aria-setsize", String(results.length));
      item.dataset.index = String(index);
      item.textContent = result.label;
      return item;
    });
    if (!items.length) {
      const none = document.createElement("li");
      none.className = "app-picker__option app-picker__option--no-results";
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      none.textContent = `No ${this.plural} found`;
      items.push(none);
    }
    this.listbox.replaceChildren(...items);
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    const count = results.length;
    this.status.textContent = count
      ? `${count} ${count === 1 ? "result is" : "results are"} available` +
        `${more ? ", type more to find others" : ""}.`
      : `No ${this.plural} found.`;
  }

  onKeydown(event) {
    const open = !this.listbox.hidden;
    if (event.key === "ArrowDown" && this.results.length) {
      event.preventDefault();
      if (!open) this.show(this.results, false);
      this.highlight(Math.min(this.active + 1, this.results.length - 1));
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      this.highlight(this.active - 1);
    } else if (event.key === "Enter" && open && this.active >= 0) {
      event.preventDefault(); // choose, do not submit the form
      this.choose(this.active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      this.close();
    }
  }

  highlight(index) {
    this.active = index;
    this.listbox.querySelectorAll('[role="option"]').forEach((option, at) => {
      const on = at === index;
      option.setAttribute("aria-selected", on ? "true" : "false");
      option.classList.toggle("app-picker__option--focused", on);
      if (on) option.scrollIntoView({ block: "nearest" });
    });
    if (index >= 0) {
      this.input.setAttribute("aria-activedescendant", `${this.listbox.id}--${index}`);
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  }

  choose(index) {
    const result = this.results[index];
    if (!result) return;
    this.input.value = result.label;
    if (this.hidden) this.hidden.value = result.id;
    // A choice made here replaces one made among the matches the server listed.
    this.input.parentElement
      .querySelectorAll(`input[type="radio"][name="${CSS.escape(`${this.input.name}-choice`)}"]`)
      .forEach((radio) => {
        radio.checked = false;
      });
    this.close();
    this.status.textContent = `${result.label} chosen.`;
  }

  close() {
    this.listbox.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}

export function initPickers(root = document) {
  root.querySelectorAll('input[data-module="app-picker"]').forEach((input) => {
    if (input.dataset.pickerReady) return;
    input.dataset.pickerReady = "true";
    new Picker(input); // eslint-disable-line no-new
  });
}
