// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// A plain EIP-20 token, the DuskEVM side of bench/token_vs_erc20.cpp. Its semantics are
/// those of the DuskVM token example (contracts/examples/token/token.c): the constructor
/// mints the whole supply to the deployer; transfer and transferFrom move an amount the
/// source holds (any amount, zero included, to any account, the source itself included)
/// and emit Transfer; transferFrom first spends the caller's allowance (none is needed
/// for a zero amount); approve sets an allowance and emits Approval. Balances and
/// allowances live in mappings; a balance or allowance that falls to zero clears its slot.
contract Erc20Token {
    string public constant name = "Dusk bench token";
    string public constant symbol = "DBT";
    uint8 public constant decimals = 0;

    uint256 public totalSupply;
    mapping(address account => uint256) public balanceOf;
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error InsufficientBalance(address account, uint256 balance, uint256 needed);
    error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);

    constructor(uint256 supply) {
        totalSupply = supply;
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        if (value != 0) {
            uint256 allowed = allowance[from][msg.sender];
            if (allowed < value) revert InsufficientAllowance(from, msg.sender, allowed, value);
            unchecked {
                allowance[from][msg.sender] = allowed - value;
            }
        }
        move(from, to, value);
        return true;
    }

    function move(address from, address to, uint256 value) private {
        uint256 held = balanceOf[from];
        if (held < value) revert InsufficientBalance(from, held, value);
        // Cannot wrap: value <= held, and every balance is part of totalSupply.
        unchecked {
            balanceOf[from] = held - value;
            balanceOf[to] += value;
        }
        emit Transfer(from, to, value);
    }
}
