package com.hiwar.auth;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every method of the annotated resource runs only for a caller whose account is active: not
 * banned, not being erased. Staff endpoints carry it at class level, so a banned moderator
 * loses reads (queues, users, audit) as well as writes, while their token still lives.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ActiveAccount {
}
