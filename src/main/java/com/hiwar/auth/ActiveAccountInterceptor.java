package com.hiwar.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@ActiveAccount
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
class ActiveAccountInterceptor {

    @Inject
    CurrentUser currentUser;

    @AroundInvoke
    Object requireActive(InvocationContext context) throws Exception {
        currentUser.requireActive();
        return context.proceed();
    }
}
