/* New since your last visit: on a topic hub and the home page, marks the entries the reader
   has not seen yet. The templates mark the lists (data-new-since="divider" or "tags") and give
   each entry its publication time (data-new-since-time). This script remembers, in this
   browser's localStorage only and one record per page path, when the page was last opened and
   the newest entry it showed then; on the next visit, each newer entry gets a "New" tag and a
   list marked "divider" gets a "New since <date>" line above them. Nothing is sent anywhere.
   Without JavaScript, on a first visit, or when storage is unavailable, the page is left
   exactly as written. Loaded only when TOPICS_NEW_SINCE_LAST_VISIT is on. */
(function () {
  "use strict";

  var KEY_PREFIX = "newsdigest:new-since:";

  // Some browsers throw on the mere access (storage blocked); then there is nothing to do.
  function storage() {
    try {
      var store = window.localStorage;
      return store || null;
    } catch (error) {
      return null;
    }
  }

  // "/topics/x/" and "/topics/x/index.html" are one page.
  function pageKey() {
    return KEY_PREFIX + window.location.pathname.replace(/index\.html$/, "");
  }

  // A record written by an older script, or edited by hand, counts as no record.
  function lastVisit(store, key) {
    try {
      var record = JSON.parse(store.getItem(key) || "null");
      if (
        record &&
        typeof record.visited === "number" &&
        typeof record.newest === "number" &&
        isFinite(record.visited) &&
        isFinite(record.newest)
      ) {
        return record;
      }
    } catch (error) {
      // unreadable: a first visit
    }
    return null;
  }

  function remember(store, key, record) {
    try {
      store.setItem(key, JSON.stringify(record));
    } catch (error) {
      // storage full or refused: the next visit is a first visit again
    }
  }

  function entryTime(entry) {
    var time = Date.parse(entry.getAttribute("data-new-since-time") || "");
    return isNaN(time) ? null : time;
  }

  // The date in the page's own language (<html lang>), as the page's dates are.
  function visitDate(time) {
    var language = document.documentElement.lang || undefined;
    var options = { day: "numeric", month: "long", year: "numeric" };
    try {
      return new Intl.DateTimeFormat(language, options).format(new Date(time));
    } catch (error) {
      return new Intl.DateTimeFormat(undefined, options).format(new Date(time));
    }
  }

  function tag(entry) {
    var label = document.createElement("span");
    label.className = "new-since-tag";
    label.textContent = "New";
    entry.classList.add("is-new");
    entry.insertBefore(label, entry.firstChild);
  }

  // The divider goes before the list's child that holds the first new entry (a day of a hub,
  // a teaser of the home page), never inside an <ol>/<ul>, where only items belong.
  function divider(list, firstNew, since) {
    var block = firstNew;
    while (block.parentElement && block.parentElement !== list) {
      block = block.parentElement;
    }
    var line = document.createElement("p");
    line.className = "new-since-divider";
    line.textContent = "New since " + visitDate(since);
    list.insertBefore(line, block);
  }

  function mark(record) {
    var lists = document.querySelectorAll("[data-new-since]");
    Array.prototype.forEach.call(lists, function (list) {
      var fresh = Array.prototype.filter.call(
        list.querySelectorAll("[data-new-since-time]"),
        function (entry) {
          var time = entryTime(entry);
          return time !== null && time > record.newest;
        }
      );
      fresh.forEach(tag);
      if (fresh.length && list.getAttribute("data-new-since") === "divider") {
        divider(list, fresh[0], record.visited);
      }
    });
  }

  function newestShown(since) {
    var newest = since;
    var entries = document.querySelectorAll("[data-new-since] [data-new-since-time]");
    Array.prototype.forEach.call(entries, function (entry) {
      var time = entryTime(entry);
      if (time !== null && time > newest) {
        newest = time;
      }
    });
    return newest;
  }

  function start() {
    var store = storage();
    if (!store) {
      return;
    }
    var key = pageKey();
    var record = lastVisit(store, key);
    if (record) {
      mark(record);
    }
    remember(store, key, {
      visited: Date.now(),
      newest: newestShown(record ? record.newest : 0),
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
