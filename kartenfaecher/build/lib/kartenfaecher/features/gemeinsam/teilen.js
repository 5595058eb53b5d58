/* Sharing a link: the device's own share sheet where the browser has one (Web Share API:
   phones, Windows, macOS); copying stays beside it. A shared part: the page „Checklisten“
   and the page „Meine Auswahl“ share their links through it (Kartenfaecher.teilen); their
   share boxes look alike (teilen.css beside this).

   A classic script (no modules): the offline bundle is opened from file://. */
(function () {
  "use strict";

  /* The device's own share sheet (Web Share API: phones, Windows, macOS), where the browser
     has one for data like `data`. */
  function canShare(data) {
    try {
      return typeof navigator.share === "function" &&
        (typeof navigator.canShare !== "function" || navigator.canShare(data));
    } catch (e) {
      return false;
    }
  }

  /* Share `data` ({title, text, url}) there: resolves true once shared, false when the reader
     closed the sheet; rejects when sharing failed (the caller then offers copying). */
  function share(data) {
    return navigator.share(data).then(function () {
      return true;
    }, function (error) {
      if (error && error.name === "AbortError") {
        return false;
      }
      throw error;
    });
  }

  window.Kartenfaecher = window.Kartenfaecher || {};
  window.Kartenfaecher.teilen = { canShare: canShare, share: share };
})();
