// Progressive enhancement only: every page works without this file.
// "Select all" for bulk forms: a checkbox with data-select-all toggles the checkboxes of its form.
document.addEventListener('change', function (event) {
  var box = event.target;
  if (box && box.matches && box.matches('input[data-select-all]')) {
    box.form.querySelectorAll('input[type=checkbox][name=ids]').forEach(function (c) { c.checked = box.checked; });
  }
});
