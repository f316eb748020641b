package com.kin.local.template;

/** template.yaml says something the local runtime cannot run; the message names the resource and property. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
