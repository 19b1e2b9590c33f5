// Progressive enhancement: each column heading of a sortable table becomes a button that sorts
// its rows (numbers as numbers, by the cells' data-sort when given); the page reads the same without it.
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (head, index) {
    var button = document.createElement("button");
    button.type = "button";
    while (head.firstChild) { button.appendChild(head.firstChild); }
    head.appendChild(button);
    button.addEventListener("click", function () { sortBy(table, heads, index); });
  });
});

function sortBy(table, heads, index) {
  var ascending = heads[index].getAttribute("aria-sort") !== "ascending";
  Array.prototype.forEach.call(heads, function (head) { head.removeAttribute("aria-sort"); });
  heads[index].setAttribute("aria-sort", ascending ? "ascending" : "descending");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var order = compare(key(a.cells[index]), key(b.cells[index]));
    return ascending ? order : -order;
  });
  rows.forEach(function (row) { body.appendChild(row); });
}

function key(cell) {
  var text = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  var number = parseFloat(text);
  return isNaN(number) || String(number) !== text ? text.toLowerCase() : number;
}

function compare(a, b) {
  if (typeof a === typeof b) { return a < b ? -1 : a > b ? 1 : 0; }
  return typeof a === "number" ? -1 : 1;
}
