/* Sightline tracker: page views on load and route changes, commerce events, a localStorage queue sent in
   batches, retried with jittered backoff, flushed with sendBeacon on pagehide. No free text from the page. */
((w, d) => {
  var cfg = w.SightlineConfig || {};
  var url = cfg.endpoint || "/api/collect";
  var LS = w.localStorage;
  var K = { cid: "sl_cid", sess: "sl_sess", seq: "sl_seq", q: "sl_q", out: "sl_optout", seen: "sl_seen" };
  var IDLE = 30 * 60e3,
    MAXAGE = 24 * 3600e3,
    MAXQ = 500,
    MAXBODY = 60000,
    EVERY = 3000;
  var noop = () => {};
  var off = () => d && (w.doNotTrack === "1" || (w.navigator && w.navigator.doNotTrack === "1") || get(K.out) === "1");
  function get(k) {
    try {
      return LS.getItem(k);
    } catch (e) {
      return null;
    }
  }
  function set(k, v) {
    try {
      LS.setItem(k, v);
    } catch (e) {}
  }
  function hex(n) {
    var s = "";
    var a = new Uint8Array(n);
    (w.crypto || {}).getRandomValues
      ? w.crypto.getRandomValues(a)
      : a.forEach((_, i) => {
          a[i] = Math.random() * 256;
        });
    a.forEach((b) => {
      s += (b + 256).toString(16).slice(1);
    });
    return s;
  }
  function uuid7() {
    var t = Date.now().toString(16).padStart(12, "0"),
      r = hex(10);
    return (
      t.slice(0, 8) +
      "-" +
      t.slice(8) +
      "-7" +
      r.slice(0, 3) +
      "-" +
      ((parseInt(r.slice(3, 4), 16) & 3) | 8).toString(16) +
      r.slice(4, 7) +
      "-" +
      r.slice(7, 19)
    );
  }
  var state = { user: null, login: "guest", source: null };
  var firstVisit = !get(K.seen);
  if (firstVisit) set(K.seen, "1");
  function client() {
    var c = get(K.cid);
    if (!c) {
      c = uuid7();
      set(K.cid, c);
    }
    return c;
  }
  function session() {
    var now = Date.now(),
      s = null;
    try {
      s = JSON.parse(get(K.sess) || "null");
    } catch (e) {}
    if (!s || now - s.last > IDLE || now - s.start > MAXAGE) s = { id: uuid7(), start: now };
    s.last = now;
    set(K.sess, JSON.stringify(s));
    return s.id;
  }
  function queue() {
    try {
      return JSON.parse(get(K.q) || "[]");
    } catch (e) {
      return [];
    }
  }
  function save(q) {
    set(K.q, JSON.stringify(q.slice(-MAXQ)));
  }
  function track(name, props) {
    if (off()) return;
    var seq = (parseInt(get(K.seq) || "0", 10) || 0) + 1;
    set(K.seq, String(seq));
    var e = {
      eventId: uuid7(),
      eventName: name,
      timestamp: Date.now(),
      clientId: client(),
      sessionId: session(),
      seq: seq,
      isFirstVisit: firstVisit,
      userLoginState: state.login,
      pageUrl: w.location.origin + w.location.pathname,
    };
    if (state.user) {
      e.userId = state.user;
      e.identitySource = state.source;
    }
    if (d.referrer) e.referrer = d.referrer.split("?")[0];
    if (props && props.product) e.product = props.product;
    var q = queue();
    q.push(e);
    save(q);
    schedule(EVERY);
  }
  function batch(q) {
    var out = [],
      size = 12;
    for (let i = 0; i < q.length; i++) {
      const n = JSON.stringify(q[i]).length + 1;
      if (size + n > MAXBODY || out.length >= 100) break;
      out.push(q[i]);
      size += n;
    }
    return out;
  }
  function drop(sent) {
    var ids = {};
    sent.forEach((e) => {
      ids[e.eventId] = 1;
    });
    save(queue().filter((e) => !ids[e.eventId]));
  }
  var timer = null,
    fails = 0,
    busy = false;
  function schedule(ms) {
    if (!timer)
      timer = setTimeout(() => {
        timer = null;
        flush();
      }, ms);
  }
  function flush() {
    var q = queue();
    if (!q.length || busy) return;
    var b = batch(q);
    busy = true;
    fetch(url, {
      method: "POST",
      body: JSON.stringify({ events: b }),
      headers: { "content-type": "text/plain" },
      keepalive: true,
      credentials: "omit",
    })
      .then((r) => {
        busy = false;
        // 2xx: stored; 4xx other than 429: the events can never be accepted, so they are not retried forever.
        if (r.ok || (r.status >= 400 && r.status < 500 && r.status !== 429)) {
          fails = 0;
          drop(b);
          if (queue().length) schedule(50);
        } else throw new Error(r.status);
      })
      .catch(() => {
        busy = false;
        fails++;
        schedule(Math.min(60e3, 1000 * 2 ** fails) * (0.5 + Math.random()));
      });
  }
  function beacon() {
    var q = queue();
    if (!q.length) return;
    var b = batch(q),
      body = JSON.stringify({ events: b });
    var ok = w.navigator.sendBeacon && w.navigator.sendBeacon(url, new Blob([body], { type: "text/plain" }));
    if (!ok) {
      try {
        fetch(url, {
          method: "POST",
          body: body,
          headers: { "content-type": "text/plain" },
          keepalive: true,
          credentials: "omit",
        });
      } catch (e) {}
    }
    drop(b);
  }
  function pageView() {
    track("page_view");
  }
  ["pushState", "replaceState"].forEach((m) => {
    var orig = w.history[m];
    w.history[m] = function () {
      var r = orig.apply(this, arguments);
      setTimeout(pageView, 0);
      return r;
    };
  });
  w.addEventListener("popstate", pageView);
  w.addEventListener("pagehide", beacon);
  d.addEventListener("visibilitychange", () => {
    if (d.visibilityState === "hidden") beacon();
  });
  w.sightline = {
    track: (name, product) => {
      track(name, product ? { product: product } : null);
    },
    identify: (userId, o) => {
      state.user = userId || null;
      state.login = userId ? "logged_in" : "logged_out";
      state.source = (o && o.identitySource) || null;
    },
    optOut: () => {
      set(K.out, "1");
      save([]);
    },
    optIn: () => {
      set(K.out, "0");
    },
    flush: () => {
      flush();
    },
  };
  if (off()) {
    w.sightline.track = noop;
    return;
  }
  if (d.readyState === "complete") pageView();
  else w.addEventListener("load", pageView);
})(window, document);
