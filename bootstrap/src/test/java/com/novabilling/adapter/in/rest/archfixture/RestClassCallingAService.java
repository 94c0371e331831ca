package com.novabilling.adapter.in.rest.archfixture;

import com.novabilling.application.service.customer.GetCustomerService;

/** Deliberately calls a service instead of its in-port (test fixture). */
public class RestClassCallingAService {

    GetCustomerService service;
}
