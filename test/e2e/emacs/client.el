;;; client.el --- headless Emacs with a user's setup, as the language server's client  -*- lexical-binding: t -*-
;; Started by test/e2e/emacs.e2e.mjs as `emacs --batch -l client.el` with
;;   VOIPNOW_INIT  the user's init file (the README's Emacs block),
;;   VOIPNOW_FILE  the payload file to open,
;;   VOIPNOW_AT    the text under which to ask for a hover (the cursor goes to its middle),
;;   VOIPNOW_OUT   where to write what Emacs received, as JSON.
;; Nothing here starts eglot: the init file's hook does (eglot-ensure), as in a user's session.
;; Every wait is bounded.
(require 'json)

(defun voipnow-wait (predicate seconds)
  "Process output until PREDICATE is non-nil or SECONDS have passed; PREDICATE's value."
  (let ((end (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) end))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun voipnow-command ()
  "What a user's command does when it ends: run `post-command-hook'.
A batch session runs no command loop, and eglot-ensure (eglot 1.9) and Flymake wait for the
end of the command that opened the file."
  (run-hooks 'post-command-hook))

(defun voipnow-diagnostic (d)
  (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
    `((line . ,(line-number-at-pos beg))
      (column . ,(save-excursion (goto-char beg) (current-column)))
      (end_column . ,(save-excursion (goto-char end) (current-column)))
      (type . ,(symbol-name (flymake-diagnostic-type d)))
      (text . ,(flymake-diagnostic-text d)))))

(let ((result '()))
  (condition-case err
      (progn
        ;; What an interactive Emacs does before reading an init file: activate the installed
        ;; packages (Debian's elpa-eglot); batch mode skips it.
        (package-activate-all)
        (load (getenv "VOIPNOW_INIT") nil t)
        (find-file (getenv "VOIPNOW_FILE"))
        (push `(mode . ,(symbol-name major-mode)) result)
        (voipnow-command)
        (let ((server (voipnow-wait (lambda () (and (fboundp 'eglot-current-server) (eglot-current-server))) 15)))
          (push `(connected . ,(if server t :json-false)) result)
          (when server
            (push `(command . ,(vconcat (process-command (jsonrpc--process server)))) result)
            (voipnow-command)
            (push `(got_diagnostics . ,(if (voipnow-wait #'flymake-diagnostics 15) t :json-false)) result)
            (push `(diagnostics . ,(vconcat (mapcar #'voipnow-diagnostic
                                                    (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))))
                  result)
            ;; Hover as ElDoc asks for it (eglot's member of eldoc-documentation-functions).
            (goto-char (point-min))
            (search-forward (getenv "VOIPNOW_AT"))
            (backward-char (/ (length (getenv "VOIPNOW_AT")) 2))
            (let ((hover nil))
              (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
              (voipnow-wait (lambda () hover) 10)
              (push `(hover . ,(if hover (substring-no-properties hover) :null)) result))
            (ignore-errors (eglot-shutdown server nil 3)))))
    (error (push `(error . ,(format "%S" err)) result)))
  (with-temp-file (getenv "VOIPNOW_OUT") (insert (json-encode result)))
  (kill-emacs 0))
