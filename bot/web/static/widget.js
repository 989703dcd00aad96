/* SecureBase chat widget: one script tag, Rasa's socket.io channel, no framework.
 *
 *   <script src="https://example.org/widget.js" defer
 *           data-server="https://bot.example.org" data-title="SecureBase"
 *           data-initial-message="hi" data-accent-color="#1f4e79"></script>
 *
 * Message content only ever reaches the page as text nodes (never innerHTML),
 * so HTML or script in a message is shown, not run.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.SecureBaseWidget) return;
  var ds = script.dataset;
  var asset = function (name) { return new URL(name, script.src).href; };
  var cfg = {
    server: (ds.server || location.protocol + "//" + location.hostname + ":5005").replace(/\/$/, ""),
    path: ds.socketPath || "/socket.io",
    title: ds.title || "SecureBase",
    subtitle: ds.subtitle || "Not for emergencies",
    initial: ds.initialMessage === undefined ? "hi" : ds.initialMessage,
    accent: ds.accentColor || "",
    accentText: ds.accentTextColor || "",
    region: ds.region || "",
    open: ds.open === "true",
    join: ds.joinMessage || ""
  };
  var q = cfg.region ? "?region=" + encodeURIComponent(cfg.region) : "";
  var helpUrl = ds.helpUrl || asset("help" + q);
  var crisisUrl = ds.crisisUrl || asset("crisis-resources.json" + q);
  var KEY = "securebase:" + cfg.server;
  var MAX_HISTORY = 60;
  var PROGRESS = /\bprompt (\d+) of (\d+)\b/i;
  var MODULE_END = /^\**(thank you for reflecting|let['’]s stop here)/i;
  var FALLBACK_HELP = {
    name: "International", emergency_number: "your local emergency number",
    helplines: [{ name: "Find A Helpline", contact: "free, confidential helplines in your country",
      url: "https://findahelpline.com", hours: "hours vary by helpline" }]
  };

  /* ---- storage (best effort: private modes may refuse) ---- */
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  var state = load();
  state.history = Array.isArray(state.history) ? state.history : [];
  if (!state.session) state.session = newId();
  function save() {
    state.history = state.history.slice(-MAX_HISTORY);
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* not persisted */ }
  }
  function newId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  /* ---- DOM helpers: attributes and text only ---- */
  var uid = 0;
  function el(tag, attrs, kids) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else if (attrs[k] === true) node.setAttribute(k, "");
      else if (attrs[k] !== false && attrs[k] != null) node.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (kid) {
      node.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid);
    });
    return node;
  }
  function id(name) { return "securebase-" + name + "-" + (++uid); }
  function newTab(href, text) {
    return el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: text });
  }

  /* ---- safe formatting: **bold**, *italic*, [links](https://…), bare URLs, lists ---- */
  var INLINE = /\*\*(.+?)\*\*|\*(?![\s*])([^*\n]+?)\*|\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;
  function inline(text, parent) {
    var re = new RegExp(INLINE.source, "g"), last = 0, m;
    while ((m = re.exec(text))) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1]) inline(m[1], parent.appendChild(el("strong")));
      else if (m[2]) inline(m[2], parent.appendChild(el("em")));
      else if (m[3]) parent.appendChild(newTab(m[4], m[3]));
      else parent.appendChild(newTab(m[5], m[5]));
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }
  function formatted(text) {
    var box = el("div", { class: "sb-text" }), list = null, para = null;
    String(text).split("\n").forEach(function (line) {
      var item = /^\s*(?:([-*•])|(\d+)[.)])\s+(.*)$/.exec(line);
      if (item) {
        var tag = item[1] ? "ul" : "ol";
        if (!list || list.tagName.toLowerCase() !== tag) list = box.appendChild(el(tag));
        inline(item[3], list.appendChild(el("li")));
        para = null;
      } else if (!line.trim()) {
        list = para = null;
      } else {
        list = null;
        if (para) para.appendChild(el("br"));
        else para = box.appendChild(el("p"));
        inline(line, para);
      }
    });
    return box;
  }

  /* ---- the widget's DOM ---- */
  var ids = { panel: id("panel"), title: id("title"), input: id("input"), hint: id("hint"),
    help: id("help"), helpTitle: id("help-title"), log: id("log") };
  var root = el("div", { class: "sb-root" });
  if (cfg.accent) root.style.setProperty("--sb-accent", cfg.accent);
  var accentText = cfg.accentText || (cfg.accent ? readableOn(cfg.accent) : "");
  if (accentText) root.style.setProperty("--sb-on-accent", accentText);

  var helpFloat = el("a", { class: "sb-help-link sb-help-float", href: helpUrl, text: "Get help now" });
  var launcher = el("button", { type: "button", class: "sb-launcher", "aria-expanded": "false",
    "aria-controls": ids.panel }, [el("span", { class: "sb-launcher-dot", "aria-hidden": "true" }),
    "Reflect with " + cfg.title]);
  var closeBtn = el("button", { type: "button", class: "sb-close", "aria-label": "Close chat",
    title: "Close chat" }, [el("span", { "aria-hidden": "true", text: "×" })]);
  var helpLink = el("a", { class: "sb-help-link", href: helpUrl, "aria-controls": ids.help,
    "aria-expanded": "false", text: "Get help now" });
  var header = el("header", { class: "sb-header" }, [
    el("div", { class: "sb-heading" }, [
      el("h2", { id: ids.title, class: "sb-title", text: cfg.title }),
      el("p", { class: "sb-subtitle", text: cfg.subtitle })]),
    helpLink, closeBtn]);
  var progressText = el("span", { class: "sb-progress-text" });
  var progressFill = el("span", { class: "sb-progress-fill" });
  var progressBar = el("span", { class: "sb-progress-bar", role: "progressbar",
    "aria-label": "Reflection progress", "aria-valuemin": "0" }, [progressFill]);
  var progress = el("div", { class: "sb-progress", hidden: true }, [progressText, progressBar]);
  var helpBody = el("div", { class: "sb-help-body" });
  var helpBack = el("button", { type: "button", class: "sb-secondary", text: "Back to the conversation" });
  var helpView = el("section", { id: ids.help, class: "sb-help", hidden: true, tabindex: "-1",
    "aria-labelledby": ids.helpTitle }, [
    el("h3", { id: ids.helpTitle, text: "If you need help now" }), helpBody, helpBack]);
  var log = el("div", { id: ids.log, class: "sb-log", role: "log", "aria-live": "polite",
    "aria-relevant": "additions", "aria-label": "Conversation with " + cfg.title, tabindex: "0" });
  var typing = el("div", { class: "sb-typing", hidden: true }, [
    el("span", { class: "sb-dots", "aria-hidden": "true" }, [el("span"), el("span"), el("span")]),
    el("span", { class: "sb-sr", text: cfg.title + " is writing" })]);
  var replies = el("div", { class: "sb-replies", role: "group", "aria-label": "Suggested replies",
    hidden: true });
  var status = el("p", { class: "sb-status", role: "status" });
  var input = el("textarea", { id: ids.input, class: "sb-input", rows: "1",
    placeholder: "Write your message…", "aria-describedby": ids.hint, autocomplete: "off" });
  var send = el("button", { type: "submit", class: "sb-send", text: "Send" });
  var form = el("form", { class: "sb-composer" }, [
    el("label", { for: ids.input, class: "sb-sr", text: "Your message to " + cfg.title }),
    el("div", { class: "sb-row" }, [input, send]),
    el("p", { id: ids.hint, class: "sb-hint", text: "Enter to send · Shift+Enter for a new line" })]);
  var panel = el("section", { id: ids.panel, class: "sb-panel", role: "dialog",
    "aria-labelledby": ids.title, hidden: true }, [
    header, progress, el("div", { class: "sb-body" }, [log, typing, helpView]), replies, status, form]);
  root.appendChild(panel);
  root.appendChild(el("div", { class: "sb-dock" }, [helpFloat, launcher]));

  /* ---- messages ---- */
  function bubble(entry) {
    var from = entry.from === "user" ? "user" : "bot";
    var who = el("span", { class: "sb-sr", text: from === "user" ? "You said: " : cfg.title + " said: " });
    var body = from === "user" ? el("div", { class: "sb-text sb-plain", text: entry.text }) : formatted(entry.text);
    log.appendChild(el("div", { class: "sb-msg sb-" + from }, [who, body]));
  }
  function scrollDown() { log.scrollTop = log.scrollHeight; }
  function showReplies(list) {
    while (replies.firstChild) replies.removeChild(replies.firstChild);
    replies.hidden = !list || !list.length;
    (list || []).forEach(function (r) {
      var b = el("button", { type: "button", class: "sb-reply", text: r.title });
      b.addEventListener("click", function () { say(r.payload, r.title); input.focus(); });
      replies.appendChild(b);
    });
  }
  function track(text) {
    var m = PROGRESS.exec(text);
    if (m) state.progress = { n: +m[1], m: +m[2] };
    if (MODULE_END.test(text.trim())) state.progress = null;
    var p = state.progress;
    progress.hidden = !p;
    if (!p) return;
    progressText.textContent = "Prompt " + p.n + " of " + p.m;
    progressBar.setAttribute("aria-valuemax", String(p.m));
    progressBar.setAttribute("aria-valuenow", String(p.n));
    progressBar.setAttribute("aria-valuetext", "Prompt " + p.n + " of " + p.m);
    progressFill.style.width = Math.round(100 * Math.min(p.n, p.m) / p.m) + "%";
  }
  /* ---- the person's data: a download for "export my data", a clean slate after deletion ---- */
  function offerDownload(data, filename) {
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    var link = el("a", { href: URL.createObjectURL(blob), class: "sb-download",
      text: "Download your data (JSON)" });
    link.setAttribute("download", typeof filename === "string" ? filename : "securebase-export.json");
    log.appendChild(el("div", { class: "sb-msg sb-bot" }, [el("div", { class: "sb-text" }, [link])]));
    scrollDown();
  }
  function addBot(msg) {
    if (msg && msg.securebase_export) offerDownload(msg.securebase_export, msg.filename);
    if (msg && msg.securebase === "forget") { state.history = []; state.progress = null; save(); }
    if (!msg || typeof msg.text !== "string" || !msg.text.trim()) return;
    var quick = (msg.quick_replies || msg.buttons || []).filter(function (r) {
      return r && typeof r.title === "string" && typeof r.payload === "string";
    }).map(function (r) { return { title: r.title, payload: r.payload }; });
    var entry = { from: "bot", text: msg.text, replies: quick };
    state.history.push(entry);
    bubble(entry);
    track(msg.text);
    showReplies(quick);
    save();
    scrollDown();
    settleTyping();
  }

  /* ---- typing indicator: on while we wait, off once replies stop arriving ---- */
  var typingTimer = null;
  function setTyping(on, ms) {
    clearTimeout(typingTimer);
    typing.hidden = !on;
    if (on) typingTimer = setTimeout(function () { typing.hidden = true; }, ms);
    scrollDown();
  }
  function settleTyping() { if (!typing.hidden) setTyping(true, 700); }

  /* ---- connection: session_request on every (re)connect, queue until confirmed ---- */
  var socket = null, confirmed = false, queue = [], loading = false, retryMs = 1000;
  function setStatus(text) { status.textContent = text; status.hidden = !text; }
  function connect() {
    if (socket || loading) return;
    setStatus("Connecting…");
    if (window.io) return start();
    loading = true;
    var tag = el("script", { src: asset("widget/socket.io.min.js"), async: true });
    tag.addEventListener("load", function () { loading = false; start(); });
    tag.addEventListener("error", function () {
      /* the web process is down or restarting: say so and try again, 1 s, 2 s, 4 s ... 30 s */
      loading = false;
      tag.remove();
      setStatus("Can't reach " + cfg.title + " right now. Reconnecting… “Get help now” still works.");
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 30000);
    });
    document.head.appendChild(tag);
  }
  function start() {
    socket = window.io(cfg.server, { path: cfg.path, reconnectionDelayMax: 4000 });
    socket.on("connect", function () {
      confirmed = false;
      socket.emit("session_request", { session_id: state.session });
    });
    socket.on("session_confirm", function (sessionId) {
      var sid = typeof sessionId === "string" ? sessionId : sessionId && sessionId.session_id;
      if (sid) state.session = sid;
      confirmed = true;
      setStatus("");
      if (!state.started) {
        state.started = true;
        if (cfg.initial) { queue.unshift(cfg.initial); setTyping(true, 30000); }
      }
      if (cfg.join && state.joined !== cfg.join) {
        /* a therapist's join link: say the code once per browser, as if typed */
        state.joined = cfg.join;
        var entry = { from: "user", text: cfg.join };
        state.history.push(entry);
        bubble(entry);
        queue.push(cfg.join);
        setTyping(true, 30000);
      }
      save();
      flush();
    });
    socket.on(ds.botEvent || "bot_uttered", addBot);
    socket.on("disconnect", function (reason) {
      confirmed = false;
      setStatus("Reconnecting…");
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", function () {
      setStatus("Can't reach " + cfg.title + " right now. Trying again…");
    });
  }
  function flush() {
    while (confirmed && queue.length) {
      socket.emit(ds.userEvent || "user_uttered", { message: queue.shift(), session_id: state.session });
    }
  }
  function say(message, shown) {
    message = message.trim();
    var text = (shown === undefined ? message : shown).trim();
    if (!message) return;
    var entry = { from: "user", text: text };
    state.history.push(entry);
    bubble(entry);
    showReplies([]);
    save();
    queue.push(message);
    setTyping(true, 30000);
    connect();
    flush();
  }

  /* ---- open, close, help ---- */
  function setOpen(open, focus) {
    panel.hidden = !open;
    root.classList.toggle("sb-open", open);
    launcher.setAttribute("aria-expanded", String(open));
    state.open = open;
    save();
    if (open) {
      connect();
      scrollDown();
      if (focus !== false) input.focus();
    } else {
      showHelp(false);
      if (focus !== false) launcher.focus();
    }
  }
  function renderHelp(data) {
    while (helpBody.firstChild) helpBody.removeChild(helpBody.firstChild);
    var emergency = data.emergency_number;
    helpBody.appendChild(el("p", {}, [
      "If you are in danger or might act on thoughts of harming yourself, call ",
      el("strong", { text: emergency }), " now."]));
    var lines = el("ul", { class: "sb-helplines" });
    (data.helplines || []).forEach(function (h) {
      lines.appendChild(el("li", {}, [newTab(h.url, h.name), el("br"), h.contact,
        el("span", { class: "sb-muted", text: " · " + h.hours })]));
    });
    helpBody.appendChild(lines);
    helpBody.appendChild(el("p", { class: "sb-muted",
      text: (data.name ? data.name + ". " : "") + (data.last_checked ? "Checked " + data.last_checked + ". " : "") +
        "You don't need to be in crisis to reach out." }));
  }
  function loadHelp() {
    renderHelp(state.crisis || FALLBACK_HELP);
    fetch(crisisUrl, { credentials: "omit" }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (data) {
      state.crisis = data;
      save();
      renderHelp(data);
    }).catch(function () { /* keep the stored or built-in resources */ });
  }
  function showHelp(show) {
    helpView.hidden = !show;
    log.hidden = show;
    panel.classList.toggle("sb-helping", show);
    helpLink.setAttribute("aria-expanded", String(show));
    if (show) helpView.focus();
  }
  function openHelp(event) {
    event.preventDefault();
    if (panel.hidden) setOpen(true, false);
    showHelp(helpView.hidden);
    if (helpView.hidden) helpLink.focus();
  }

  /* ---- events ---- */
  launcher.addEventListener("click", function () { setOpen(panel.hidden); });
  closeBtn.addEventListener("click", function () { setOpen(false); });
  helpLink.addEventListener("click", openHelp);
  helpFloat.addEventListener("click", openHelp);
  helpBack.addEventListener("click", function () { showHelp(false); input.focus(); });
  panel.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    e.preventDefault();
    if (!helpView.hidden) { showHelp(false); helpLink.focus(); } else setOpen(false);
  });
  function grow() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 160) + "px";
    scrollDown();
  }
  input.addEventListener("input", grow);
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (!input.value.trim()) return;
    say(input.value);
    input.value = "";
    grow();
    input.focus();
  });

  /* ---- colours: pick readable text for a custom accent (WCAG contrast) ---- */
  function luminance(hex) {
    var m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
    if (!m) return null;
    var h = m[1].length === 3 ? m[1].replace(/./g, "$&$&") : m[1];
    return [0, 2, 4].map(function (i) {
      var c = parseInt(h.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (sum, c, i) { return sum + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  function readableOn(color) {
    var l = luminance(color);
    if (l === null) return "";
    return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? "#ffffff" : "#111111";
  }

  /* ---- start: stylesheet, restored conversation, then the page ---- */
  var css = el("link", { rel: "stylesheet", href: asset("widget.css") });
  document.head.appendChild(css);
  state.history.forEach(function (entry) {
    bubble(entry);
    if (entry.from === "bot") track(entry.text);
  });
  var lastEntry = state.history[state.history.length - 1];
  if (lastEntry && lastEntry.from === "bot") showReplies(lastEntry.replies);
  track("");
  setStatus("");
  loadHelp();
  function mount() {
    document.body.appendChild(root);
    if (state.open || cfg.open) setOpen(true, false);
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
  window.SecureBaseWidget = {
    open: function () { setOpen(true); }, close: function () { setOpen(false); },
    session: function () { return state.session; }
  };
})();
