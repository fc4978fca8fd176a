/* Site search: reveals the search forms (hidden without JavaScript) and, on the search
   page, queries the Pagefind index built next to the site (all its shards) and lists the results:
   headline, date, excerpt, matching sections and topics. Everything loads from this site's own origin. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 250;
  var MAX_SECTIONS = 3;

  function reveal(container) {
    if (!container) {
      return;
    }
    var form = container.querySelector("[data-search-form]");
    var fallback = container.querySelector("[data-search-fallback]");
    if (form) {
      form.hidden = false;
    }
    if (fallback) {
      fallback.hidden = true;
    }
  }

  // Pagefind's excerpts are escaped text with <mark> around the matches; copy only those
  // two kinds of node so nothing else from the index can become markup.
  function excerptNodes(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    var fragment = document.createDocumentFragment();
    parsed.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return fragment;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // Articles carry their topics as a JSON list of names (see article.html).
  function topicList(text) {
    try {
      var parsed = JSON.parse(text || "[]");
      return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch (error) {
      return [];
    }
  }

  function renderResult(data) {
    var item = element("li", "search-result");
    var heading = element("h2", "search-result-title");
    var link = element("a", "", (data.meta && data.meta.title) || data.url);
    link.href = data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var date = data.meta && data.meta.date;
    if (date) {
      item.appendChild(element("p", "meta", date));
    }
    var excerpt = element("p", "search-result-excerpt");
    excerpt.appendChild(excerptNodes(data.excerpt || ""));
    item.appendChild(excerpt);
    // Sections of the page that match too (Pagefind splits pages at headings with ids).
    var sections = (data.sub_results || []).filter(function (sub) {
      return sub.url && sub.url.indexOf("#") !== -1 && sub.title;
    });
    if (sections.length) {
      var sectionList = element("ul", "search-result-sections");
      sectionList.setAttribute("aria-label", "Matching sections");
      sections.slice(0, MAX_SECTIONS).forEach(function (sub) {
        var entry = element("li");
        var sectionLink = element("a", "", sub.title);
        sectionLink.href = sub.url;
        entry.appendChild(sectionLink);
        sectionList.appendChild(entry);
      });
      item.appendChild(sectionList);
    }
    var topics = topicList(data.meta && data.meta.topics);
    if (topics.length) {
      var list = element("ul", "search-result-topics");
      list.setAttribute("aria-label", "Topics");
      topics.forEach(function (topic) {
        list.appendChild(element("li", "", topic));
      });
      item.appendChild(list);
    }
    return item;
  }

  function runSearchPage(page) {
    var form = page.querySelector("[data-search-form]");
    var input = page.querySelector("input[type=search]");
    var status = page.querySelector("[data-search-status]");
    var results = page.querySelector("[data-search-results]");
    var bundle = new URL(page.getAttribute("data-pagefind-bundle"), document.baseURI).href;
    var root = new URL(page.getAttribute("data-site-root"), document.baseURI).pathname;
    var pending = null;
    var latest = 0;

    var settings = { baseUrl: root, excerptLength: 30 };

    // The index is in shards (one per quarter of articles, one for the other pages), each a
    // Pagefind bundle listed in shards.json: the first is loaded, the others merged into it,
    // so one search covers them all. Resolves to null when nothing is indexed.
    var loading = fetch(bundle + "shards.json")
      .then(function (response) {
        if (!response.ok) {
          throw new Error("no search manifest (HTTP " + response.status + ")");
        }
        return response.json();
      })
      .then(function (manifest) {
        var shards = (manifest && Array.isArray(manifest.shards) ? manifest.shards : []).map(
          function (path) {
            return new URL(String(path), bundle).href;
          }
        );
        if (!shards.length) {
          return null;
        }
        return import(shards[0] + "pagefind.js").then(function (pagefind) {
          return Promise.resolve(pagefind.options(settings))
            .then(function () {
              return Promise.all(
                shards.slice(1).map(function (shard) {
                  return pagefind.mergeIndex(shard, settings);
                })
              );
            })
            .then(function () {
              return pagefind;
            });
        });
      });

    function show(query) {
      var ticket = ++latest;
      if (!query.trim()) {
        results.replaceChildren();
        status.textContent = "";
        return;
      }
      status.textContent = "Searching…";
      loading
        .then(function (pagefind) {
          return pagefind ? pagefind.search(query) : { results: [] };
        })
        .then(function (search) {
          // Pagefind ranks the results of every shard together, by score.
          return Promise.all(
            search.results.slice(0, 20).map(function (result) {
              return result.data();
            })
          );
        })
        .then(function (found) {
          if (ticket !== latest) {
            return; // a newer query has been typed meanwhile
          }
          results.replaceChildren.apply(results, found.map(renderResult));
          status.textContent =
            found.length === 0
              ? "No results for “" + query + "”."
              : found.length + (found.length === 1 ? " result" : " results") +
                " for “" + query + "”.";
        })
        .catch(function () {
          status.textContent = "Search is unavailable right now; browse by topic or date below.";
          page.querySelector("[data-search-fallback]").hidden = false;
        });
    }

    function remember(query) {
      var url = new URL(window.location.href);
      if (query) {
        url.searchParams.set("q", query);
      } else {
        url.searchParams.delete("q");
      }
      window.history.replaceState(null, "", url);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(pending);
      remember(input.value);
      show(input.value);
    });
    input.addEventListener("input", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(function () {
        remember(input.value);
        show(input.value);
      }, DEBOUNCE_MS);
    });

    input.value = new URLSearchParams(window.location.search).get("q") || "";
    show(input.value);
    input.focus();
  }

  function start() {
    reveal(document.querySelector("[data-search-box]"));
    var page = document.querySelector("[data-search-page]");
    if (page) {
      reveal(page);
      runSearchPage(page);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
