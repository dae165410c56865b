// What other modules may use from funds: nothing yet (cases will record advances through the service).
